/** `bench/run.mjs --build`: the action bundle (`dist/index.js`) built from the working tree. */
import '../../src/index.js'
