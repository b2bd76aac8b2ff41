# Reference values for the functions over time (MIGRATION.PERIODS, CIRCULATION.CHANGE),
# computed in R on a real panel: internal moves among South Korea's 17 first-level regions in
# each year 2012–2020 (migest's korea_gravity, Statistics Korea via KOSIS). The peers' code is
# not copied here: migest and migration.indices are sourced from their unpacked sources, whose
# folders are given on the command line.
#
#   Rscript scripts/peer-reference/periods.R MIGEST_DIR MIGRATION_INDICES_DIR OUT_JSON
#
# For each year: the total of the off-diagonal flows and the MEI (migest's index_impact,
# "effectivness", in %), connectivity and the corrected total Gini (migest's index_connectivity,
# through migration.indices), and, computed independently in base R from the definitions, the
# MEI, the circulation index of the system (1 − Σ_{i<j}|Mij − Mji| / Σ_{i<j}(Mij + Mji)) and of
# each region (1 − Σ_j|Mij − Mji| / Σ_j(Mij + Mji)), which the peers do not have. The changes
# from the first year to the last are the differences of those. OUT_JSON also receives the
# long list as a spreadsheet holds it (year, orig, dest, flow; the rows of within-region moves
# included, as the data ship them), with the rows in a shuffled order (fixed seed) so that the
# functions cannot rely on the list being sorted by year.
# Needs: r-base-core, r-cran-dplyr, r-cran-tidyr, r-cran-jsonlite.
suppressPackageStartupMessages({
  library(dplyr)
  library(tidyr)
  library(jsonlite)
  library(magrittr)
})
args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 3) stop("usage: periods.R MIGEST_DIR MIGRATION_INDICES_DIR OUT_JSON")
migest_dir <- args[1]
mi_dir <- args[2]
out_json <- args[3]

mi <- new.env()
for (f in c("gini.R", "acv.R", "others.R", "crude.R")) sys.source(file.path(mi_dir, "R", f), envir = mi)
source_migest <- function(name) {
  text <- readLines(file.path(migest_dir, "R", paste0(name, ".R")), warn = FALSE)
  text <- gsub("migration.indices::", "mi$", text, fixed = TRUE)
  eval(parse(text = text), envir = globalenv())
}
for (f in c("mig_tibble", "mig_matrix", "sum_region", "index_connectivity", "index_impact")) source_migest(f)

load(file.path(migest_dir, "data", "korea_gravity.rda"))
k <- as.data.frame(korea_gravity)
regions <- unique(as.character(k$orig)) # the data's order: the order of first appearance
years <- sort(unique(k$year))

matrix_of <- function(y) {
  d <- k[k$year == y, ]
  m <- matrix(0, length(regions), length(regions), dimnames = list(orig = regions, dest = regions))
  for (r in seq_len(nrow(d))) m[as.character(d$orig[r]), as.character(d$dest[r])] <- m[as.character(d$orig[r]), as.character(d$dest[r])] + d$flow[r]
  diag(m) <- 0
  m
}
as_list_value <- function(tbl) setNames(as.list(tbl$value), tbl$measure)

circulation <- function(m) {
  up <- upper.tri(m)
  1 - sum(abs(m[up] - t(m)[up])) / sum(m[up] + t(m)[up])
}
circulation_by_region <- function(m) 1 - rowSums(abs(m - t(m))) / rowSums(m + t(m))

per_year <- lapply(years, function(y) {
  m <- matrix_of(y)
  pop <- sapply(regions, function(x) round(k$orig_pop[k$year == y & k$orig == x][1] * 1e6))
  conn <- as_list_value(index_connectivity(m))
  impact <- as_list_value(index_impact(m, p = tibble(region = regions, pop = pop)))
  list(
    year = y,
    total = sum(m),
    migest = list(effectiveness_percent = impact$effectivness, connectivity = conn$connectivity, gini_total = conn$gini_total),
    independent = list(
      mei = sum(abs(colSums(m) - rowSums(m))) / sum(colSums(m) + rowSums(m)),
      circulation = circulation(m),
      circulation_by_region = unname(circulation_by_region(m))
    )
  )
})

first <- matrix_of(min(years))
last <- matrix_of(max(years))
set.seed(20240102)
shuffled <- k[sample(nrow(k)), c("year", "orig", "dest", "flow")]

out <- list(
  source = "migest::korea_gravity (Statistics Korea via KOSIS): internal moves among the 17 first-level regions of South Korea, 2012-2020",
  regions = regions,
  list = list(year = shuffled$year, orig = as.character(shuffled$orig), dest = as.character(shuffled$dest), flow = shuffled$flow),
  years = per_year,
  change = list(
    first = min(years), last = max(years),
    first_matrix = unname(first), last_matrix = unname(last),
    circulation = circulation(last) - circulation(first),
    circulation_by_region = unname(circulation_by_region(last) - circulation_by_region(first))
  ),
  made_with = list(R = R.version.string, migest = "2.0.5 (sourced)", migration.indices = "0.3.1 (sourced)")
)
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, matrix = "rowmajor"), out_json)
