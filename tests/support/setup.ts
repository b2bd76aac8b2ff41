// Every suite runs with the CustomFunctions global that Excel's runtime would provide.
import { installCustomFunctions } from "../../scripts/lib/custom-functions-runtime";

installCustomFunctions();
