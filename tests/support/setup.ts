// Every suite runs with the CustomFunctions global that Excel's runtime would provide.
import fc from "fast-check";
import { installCustomFunctions } from "../../scripts/lib/custom-functions-runtime";
import { propertySeed } from "./seed";

installCustomFunctions();

// Property tests draw the same inputs on every run (`npm test` must not depend on luck);
// `npm run fuzz` sets FUZZ_SEED to explore new ones and prints it.
fc.configureGlobal({ seed: propertySeed() });

// The command line speaks the locale's language (LC_ALL, LC_MESSAGES, LANG) unless --lang says
// otherwise; the suites that run it expect English, so the message language is English here
// whatever the machine's locale (the suites on --lang uk pass it, or an environment, themselves).
process.env.LC_MESSAGES = "C.UTF-8";
if (/^uk/i.test(process.env.LC_ALL ?? "")) process.env.LC_ALL = "C.UTF-8";
