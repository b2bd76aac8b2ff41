# Reference values for the migration indices (MIGRATION.INEQUALITY … MIGRATION.LUMP), computed
# with the R packages migest 2.0.5 (Abel) and migration.indices 0.3.1 (Bálint & Daróczi) on the
# real data they ship. The packages' code is not copied here: it is sourced from their unpacked
# sources, whose folders are given on the command line.
#
#   Rscript scripts/peer-reference/indices.R MIGEST_DIR MIGRATION_INDICES_DIR OUT_JSON [TIMINGS_JSON]
#
# OUT_JSON receives the inputs (as our functions take them: matrices with rows = origins,
# populations in persons, distances in km) and every value the peers return, in their units;
# tests/indicators/peer-indices.test.ts converts units where ours differ (fractions, not %).
# TIMINGS_JSON, when given, receives the median time of each peer call (milliseconds), for the
# speed comparison in bench/.
# Needs: r-base-core, r-cran-dplyr, r-cran-tidyr, r-cran-jsonlite, r-cran-matrixstats.
suppressPackageStartupMessages({
  library(dplyr)
  library(tidyr)
  library(jsonlite)
  library(magrittr)
})
args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 3) stop("usage: indices.R MIGEST_DIR MIGRATION_INDICES_DIR OUT_JSON [TIMINGS_JSON]")
migest_dir <- args[1]
mi_dir <- args[2]
out_json <- args[3]
timings_json <- if (length(args) >= 4) args[4] else NA

# migration.indices, sourced into its own environment.
mi <- new.env()
for (f in c("gini.R", "acv.R", "others.R", "crude.R")) sys.source(file.path(mi_dir, "R", f), envir = mi)

# migest's functions call migration.indices by namespace (migration.indices::f); with the package
# sourced rather than installed, those calls are pointed at the environment above.
source_migest <- function(name) {
  text <- readLines(file.path(migest_dir, "R", paste0(name, ".R")), warn = FALSE)
  text <- gsub("migration.indices::", "mi$", text, fixed = TRUE)
  eval(parse(text = text), envir = globalenv())
}
for (f in c("mig_tibble", "mig_matrix", "sum_region", "sum_lump", "index_connectivity", "index_impact", "index_distance", "index_age")) source_migest(f)

load(file.path(migest_dir, "data", "korea_gravity.rda"))
load(file.path(migest_dir, "data", "ipumsi_age.rda"))
world_env <- new.env()
load(file.path(mi_dir, "data", "migration.world.RData"), envir = world_env)
world <- world_env$migration.world

as_list_value <- function(tbl) setNames(as.list(tbl$value), tbl$measure)

# --- Korea 2020: 17 first-level regions, flows, centroid distances (km), populations ----------
k <- as.data.frame(subset(korea_gravity, year == 2020))
regions <- unique(k$orig) # the data's order, used for every input below
km <- matrix(0, length(regions), length(regions), dimnames = list(orig = regions, dest = regions))
kd <- km
for (r in seq_len(nrow(k))) {
  km[k$orig[r], k$dest[r]] <- k$flow[r]
  kd[k$orig[r], k$dest[r]] <- k$dist_cent[r]
}
diag(km) <- 0
pop <- sapply(regions, function(x) round(k$orig_pop[k$orig == x][1] * 1e6)) # millions → persons

korea_conn <- as_list_value(index_connectivity(km))
korea_impact <- as_list_value(index_impact(km, p = tibble(region = regions, pop = pop)))
korea_dist_long <- k[, c("orig", "dest", "flow", "dist_cent")] # index_distance needs a flow column in d too
korea_distance <- as_list_value(index_distance(m = km, d = korea_dist_long, dist = "dist_cent"))

# sum_lump by turnover: regions whose turnover is below that of the top-th region become "other".
top <- 5
turnover <- rowSums(km) + colSums(km)
threshold <- sort(turnover, decreasing = TRUE)[top]
lumped <- sum_lump(km, threshold = threshold, lump = "turnover", other_level = "Other")
lump_long <- as.data.frame(lumped)[, c("orig", "dest", "flow")]

# migration.indices' own functions, for the parts the issue takes from it directly.
korea_mi <- list(
  inequality_equal = mi$migration.inequality(km, "equal"),
  acv = mi$migration.acv(km),
  gini_row_standardized = mi$migration.gini.row.standardized(km),
  gini_col_standardized = mi$migration.gini.col.standardized(km),
  weighted_gini_out = mi$migration.weighted.gini.out(km),
  weighted_gini_in = mi$migration.weighted.gini.in(km)
)

# Our definitions where they depart from migest's, computed independently in base R and
# matrixStats (not with the peers): the order-independent median (equal distances pooled before
# matrixStats' interpolated weightedMedian), the scale-free CV over the off-diagonal flows.
off <- row(km) != col(km)
pooled <- aggregate(list(flow = km[off]), by = list(dist = kd[off]), FUN = sum)
pooled <- pooled[pooled$flow > 0, ]
korea_independent <- list(
  median_distance = matrixStats::weightedMedian(pooled$dist, pooled$flow, interpolate = TRUE),
  cv = sqrt(mean((km[off] - mean(km[off]))^2)) / mean(km[off])
)

# --- migration age profiles (IPUMS-I samples, Brazil 2000 and France 2006) -------------------
age_profile <- function(s) {
  d <- as.data.frame(subset(ipumsi_age, sample == s))
  d$mi <- d$migrants / d$population
  peak <- d$age[which.max(d$mi)]
  in_peak <- d$age >= peak - 5 & d$age <= peak + 5 # the breadth by age, inclusive (independent of migest)
  list(
    sample = s, ages = d$age, rates = d$mi,
    migest = as_list_value(index_age(d = tibble(age = d$age, mi = d$mi))),
    independent = list(peak_breadth = sum(d$mi[in_peak]), peak_share = sum(d$mi[in_peak]) / sum(d$mi))
  )
}
ages <- lapply(c("BRA2000", "FRA2006"), age_profile)

# --- the World Bank 226 × 226 matrix of migration.indices -----------------------------------
wm <- unname(world)
world_conn <- as_list_value(index_connectivity(wm))
world_mi <- list(acv = mi$migration.acv(wm))
woff <- row(wm) != col(wm)
world_independent <- list(cv = sqrt(mean((wm[woff] - mean(wm[woff]))^2)) / mean(wm[woff]))

out <- list(
  korea = list(
    source = "migest::korea_gravity, year 2020 (Statistics Korea via KOSIS); distances dist_cent (km between centroids); populations orig_pop × 1e6",
    labels = regions,
    matrix = unname(km),
    distances = unname(kd),
    populations = unname(pop),
    connectivity = korea_conn,
    impact = korea_impact[c("preference", "velocity")],
    distance = korea_distance,
    migration_indices = korea_mi,
    independent = korea_independent,
    lump = list(top = top, long = lump_long)
  ),
  ages = ages,
  world = list(
    source = "migration.indices::migration.world (World Bank bilateral migration matrix, 226 countries)",
    matrix = wm,
    connectivity = world_conn,
    migration_indices = world_mi,
    independent = world_independent
  ),
  made_with = list(R = R.version.string, migest = "2.0.5 (sourced)", migration.indices = "0.3.1 (sourced)", matrixStats = as.character(packageVersion("matrixStats")))
)
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, matrix = "rowmajor"), out_json)

# --- timings of each peer call, the way an R user makes it -----------------------------------
if (!is.na(timings_json)) {
  median_ms <- function(f, reps) {
    t <- numeric(reps)
    for (r in seq_len(reps)) t[r] <- system.time(f())[["elapsed"]]
    1000 * median(t)
  }
  kp <- tibble(region = regions, pop = pop)
  bra <- ages[[1]]
  timings <- list(
    korea = list(
      connectivity = median_ms(function() index_connectivity(km), 20),
      impact = median_ms(function() index_impact(km, p = kp), 20),
      distance = median_ms(function() index_distance(m = km, d = korea_dist_long, dist = "dist_cent"), 20),
      lump = median_ms(function() sum_lump(km, threshold = threshold, lump = "turnover", other_level = "Other"), 20),
      acv = median_ms(function() mi$migration.acv(km), 20),
      age = median_ms(function() index_age(d = tibble(age = bra$ages, mi = bra$rates)), 20)
    ),
    world = list(connectivity = median_ms(function() index_connectivity(wm), 1))
  )
  writeLines(toJSON(timings, digits = NA, auto_unbox = TRUE), timings_json)
}
