// Every suite runs with the CustomFunctions global that Excel's runtime would provide.
import fc from "fast-check";
import { installCustomFunctions } from "../../scripts/lib/custom-functions-runtime";
import { propertySeed } from "./seed";

installCustomFunctions();

// Property tests draw the same inputs on every run (`npm test` must not depend on luck);
// `npm run fuzz` sets FUZZ_SEED to explore new ones and prints it.
fc.configureGlobal({ seed: propertySeed() });
