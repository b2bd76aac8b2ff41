/* Build of the add-in, after the official Office add-in templates (webpack + ts-loader). */
const path = require("path");
const fs = require("fs");
const os = require("os");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { checkFunctionsMetadata } = require("./scripts/check-functions-metadata");
const { localizeFunctionsMetadata, readTable } = require("./scripts/localize-functions-metadata");

const DEV_ORIGIN = "https://localhost:3000/";
// Where the add-in is hosted in production; manifest and help links are rewritten to it.
const PROD_ORIGIN = process.env.ADDIN_ORIGIN || DEV_ORIGIN;
// Microsoft requires production pages to load Office's scripts from its CDN. OFFICE_JS=local
// (tests, air-gapped builds) copies them from the @microsoft/office-js package instead.
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
const LOCAL_OFFICE = process.env.OFFICE_JS === "local";
// The task pane's Content-Security-Policy: scripts only from the add-in itself and, unless
// air-gapped, Office's CDN; no inline script, no eval, no plugins, nothing sent elsewhere.
const OFFICE_CDN_ORIGIN = "https://appsforoffice.microsoft.com";
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src 'self'${LOCAL_OFFICE ? "" : ` ${OFFICE_CDN_ORIGIN}`}`,
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  `connect-src 'self'${LOCAL_OFFICE ? "" : ` ${OFFICE_CDN_ORIGIN}`}`,
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

// The modules holding @customfunction declarations. FUNCTION_MODULES (comma-separated) lets
// the build's own tests point it at broken fixtures and see the build fail.
const FUNCTION_MODULES = process.env.FUNCTION_MODULES
  ? process.env.FUNCTION_MODULES.split(",")
  : ["braindrain", "circulation", "estimation", "indices", "migration", "students"].map((m) => `./src/functions/${m}.ts`);

const OTHER_HOSTS = /^(access|word|powerpoint|outlook|onenote|project|visio)|\.debug\.js$/;
function copyOfficeJs(outputPath) {
  const from = path.join(__dirname, "node_modules", "@microsoft", "office-js", "dist");
  fs.cpSync(from, path.join(outputPath, "office-js"), { recursive: true, filter: (src) => !OTHER_HOSTS.test(path.basename(src)) });
}

function devServerHttps() {
  // Certificates installed by `npx office-addin-dev-certs install` (npm run dev-server does it).
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const file = (f) => path.join(dir, f);
  if (!fs.existsSync(file("localhost.crt"))) return {};
  return { key: fs.readFileSync(file("localhost.key")), cert: fs.readFileSync(file("localhost.crt")), ca: fs.readFileSync(file("ca.crt")) };
}

module.exports = (env, argv) => {
  const dev = argv.mode === "development";
  const origin = dev ? DEV_ORIGIN : PROD_ORIGIN;
  const toOrigin = (text) => text.split(DEV_ORIGIN).join(origin);
  return {
    devtool: dev ? "source-map" : false,
    entry: { functions: process.env.FUNCTION_MODULES ? FUNCTION_MODULES : "./src/functions/functions.ts", taskpane: "./src/taskpane/taskpane.ts" },
    output: { path: path.resolve(__dirname, process.env.DIST_DIR || "dist"), filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".js"] },
    module: { rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { configFile: "tsconfig.build.json", onlyCompileBundledFiles: true } } }] },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTION_MODULES }),
      {
        apply(compiler) {
          compiler.hooks.thisCompilation.tap("CheckFunctionsMetadata", (compilation) => {
            const { Compilation, sources, WebpackError } = compiler.webpack;
            compilation.hooks.processAssets.tap({ name: "CheckFunctionsMetadata", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
              const asset = compilation.getAsset("functions.json");
              const problems = checkFunctionsMetadata(asset ? asset.source.source().toString() : undefined);
              problems.forEach((p) => compilation.errors.push(new WebpackError(`functions.json: ${p}`)));
              if (!asset || problems.length > 0) return;
              const json = toOrigin(asset.source.source().toString());
              if (origin !== DEV_ORIGIN) compilation.updateAsset("functions.json", new sources.RawSource(json));
              // Ukrainian descriptions for Excel in Ukrainian (the manifest's Override for uk-UA);
              // a function or argument without a translation fails the build.
              // (FUNCTIONS_UK_TABLE points the build's own tests at an incomplete table.)
              const uk = localizeFunctionsMetadata(json, readTable(process.env.FUNCTIONS_UK_TABLE || undefined));
              uk.problems.forEach((p) => compilation.errors.push(new WebpackError(`functions.uk.json: ${p}`)));
              if (uk.json) compilation.emitAsset("functions.uk.json", new sources.RawSource(uk.json));
            });
          });
        },
      },
      new HtmlWebpackPlugin({
        filename: "functions.html",
        template: "./src/functions/functions.html",
        chunks: ["functions"],
        templateParameters: { officeScriptBase: LOCAL_OFFICE ? "office-js/" : CDN },
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        scriptLoading: "defer",
        templateParameters: { officeScriptBase: LOCAL_OFFICE ? "office-js/" : CDN, contentSecurityPolicy: CONTENT_SECURITY_POLICY },
      }),
      // office.js loads host- and language-specific files from its own folder, so the air-gapped
      // build copies that folder, less debug builds and other hosts' files (~15 MB). A plain
      // file copy after emit: as webpack assets the thousands of files took ~50 s.
      ...(LOCAL_OFFICE ? [{ apply: (compiler) => compiler.hooks.afterEmit.tap("CopyOfficeJs", (compilation) => copyOfficeJs(compilation.outputOptions.path)) }] : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          { from: "docs/reference.html", to: "reference.html" },
          { from: "manifest.xml", to: "manifest.xml", transform: (content) => toOrigin(content.toString()) },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: devServerHttps() },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
    },
  };
};
