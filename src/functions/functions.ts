/**
 * The custom functions bundle Excel loads (dist/functions.js). Each family lives in its own
 * module; the metadata plugin reads them all and appends their CustomFunctions.associate calls.
 */
import "./braindrain";
import "./circulation";
import "./estimation";
import "./indices";
import "./migration";
import "./students";
