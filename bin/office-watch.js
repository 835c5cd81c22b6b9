#!/usr/bin/env node
// The program as one bundle (npm run build makes dist/bundle): Node loads it in a fraction of the time
// the several hundred modules of the app and its libraries take one by one.
import '../dist/bundle/main.js';
