/** `bench/run.mjs --build`: the CLI bundle (`dist/cli/index.js`) built from the working tree. */
import '../../src/cli-entry.js'
