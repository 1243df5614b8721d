/** The action's entry point. No top-level await: the bundle must not suspend before `run` starts. */
import { run } from './main.js'

void run()
