export const ROOT: string
export const DIGEST_FILE: string
export function sourceDigest(root?: string): string
