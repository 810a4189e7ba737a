#!/usr/bin/env node
// Runs the built CLI (`npm run build` writes dist/). In a clone without a build, use `npm start`.
import '../dist/cli/main.js';
