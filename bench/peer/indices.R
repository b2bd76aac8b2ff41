# Times the R counterparts of the index functions (migest 2.0.5, migration.indices 0.3.1), called
# the way an R user calls them, on the data of tests/fixtures/peer-indices.json. The packages are
# sourced from their unpacked sources (nothing of theirs is copied here).
#
#   Rscript bench/peer/indices.R MIGEST_DIR MIGRATION_INDICES_DIR FIXTURE_JSON OUT_JSON
#
# OUT_JSON: for each function, the R call timed and its median milliseconds per call.
suppressPackageStartupMessages({
  library(dplyr)
  library(tidyr)
  library(jsonlite)
  library(magrittr)
})
args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 4) stop("usage: indices.R MIGEST_DIR MIGRATION_INDICES_DIR FIXTURE_JSON OUT_JSON")
mi <- new.env()
for (f in c("gini.R", "acv.R", "others.R", "crude.R")) sys.source(file.path(args[2], "R", f), envir = mi)
for (f in c("mig_tibble", "mig_matrix", "sum_region", "sum_lump", "index_connectivity", "index_impact", "index_distance", "index_age")) {
  text <- gsub("migration.indices::", "mi$", readLines(file.path(args[1], "R", paste0(f, ".R")), warn = FALSE), fixed = TRUE)
  eval(parse(text = text), envir = globalenv())
}
fx <- fromJSON(args[3])
k <- fx$korea
regions <- k$labels
km <- matrix(k$matrix, length(regions), dimnames = list(orig = regions, dest = regions))
kd <- matrix(k$distances, length(regions), dimnames = list(orig = regions, dest = regions))
dist_long <- as.data.frame(as.table(kd), responseName = "dist", stringsAsFactors = FALSE)
names(dist_long)[1:2] <- c("orig", "dest")
dist_long$flow <- as.vector(km)
pop <- tibble(region = regions, pop = k$populations)
threshold <- sort(rowSums(km) + colSums(km), decreasing = TRUE)[k$lump$top]
bra <- fx$ages[1, ]
ages <- tibble(age = bra$ages[[1]], mi = bra$rates[[1]])

# Milliseconds per call: repeat until 0.5 s have passed (at least 3 calls), median of 5 such rounds.
ms_per_call <- function(f) {
  rounds <- numeric(5)
  for (r in seq_along(rounds)) {
    calls <- 0
    start <- proc.time()[["elapsed"]]
    repeat {
      f()
      calls <- calls + 1
      elapsed <- proc.time()[["elapsed"]] - start
      if (calls >= 3 && elapsed >= 0.5) break
    }
    rounds[r] <- 1000 * elapsed / calls
  }
  median(rounds)
}
calls <- list(
  connectivity = list(call = "migest::index_connectivity(m)", f = function() index_connectivity(km)),
  gini_row = list(call = "migration.indices::migration.gini.row.standardized(m)", f = function() mi$migration.gini.row.standardized(km)),
  gini_col = list(call = "migration.indices::migration.gini.col.standardized(m)", f = function() mi$migration.gini.col.standardized(km)),
  weighted_gini = list(call = "migration.indices::migration.weighted.gini.mean(m)", f = function() mi$migration.weighted.gini.mean(km)),
  acv = list(call = "migration.indices::migration.acv(m)", f = function() mi$migration.acv(km)),
  impact = list(call = "migest::index_impact(m, p)", f = function() index_impact(km, p = pop)),
  distance = list(call = "migest::index_distance(m, d)", f = function() index_distance(m = km, d = dist_long, dist = "dist")),
  age = list(call = "migest::index_age(d)", f = function() index_age(d = ages)),
  lump = list(call = "migest::sum_lump(m, threshold, lump = \"turnover\")", f = function() sum_lump(km, threshold = threshold, lump = "turnover", other_level = "Other"))
)
out <- lapply(calls, function(x) list(call = x$call, ms = suppressMessages(suppressWarnings(ms_per_call(x$f)))))
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA), args[4])
