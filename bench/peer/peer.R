# Times one R peer measure on one case, in a fresh R process (so its first calls are cold).
# Usage: Rscript peer.R CASE.json SETUP CALL VALUE COLD WARM BUDGET_S
# Prints one JSON object: the value, the times of the cold calls and of the warm ones (ms), and
# the page faults of each cold call.
# The peers' sources are read from MIGEST_DIR and MIGRATION_INDICES_DIR (their R/ folders).
args <- commandArgs(trailingOnly = TRUE)
suppressPackageStartupMessages({
  library(dplyr)
  library(tidyr)
  library(jsonlite)
})
for (dir in c(Sys.getenv("MIGEST_DIR"), Sys.getenv("MIGRATION_INDICES_DIR"))) {
  for (f in list.files(file.path(dir, "R"), pattern = "[.][Rr]$", full.names = TRUE)) source(f)
}
# migest calls migration.indices through its namespace (migration.indices::f); the package is
# sourced here, not installed, so those calls are pointed at the sourced definitions.
for (name in ls(globalenv())) {
  f <- get(name, envir = globalenv())
  if (is.function(f) && any(grepl("migration.indices::", deparse(body(f)), fixed = TRUE))) {
    body(f) <- parse(text = gsub("migration.indices::", "", deparse(body(f)), fixed = TRUE))[[1]]
    assign(name, f, envir = globalenv())
  }
}

case <- fromJSON(args[1])
m <- case$m
r <- sprintf("R%03d", seq_len(nrow(m)))
dimnames(m) <- list(orig = r, dest = r)
p <- case$p
m2 <- case$m2
dimnames(m2) <- list(orig = r, dest = r)
row_tot <- case$rowTotals
col_tot <- case$colTotals
eval(parse(text = args[2]))
call <- parse(text = args[3])[[1]]
cold_n <- as.integer(args[5])
warm_n <- as.integer(args[6])
budget <- as.numeric(args[7])

# Minor page faults so far (Linux; NA elsewhere), read around each cold call as ours are.
minflt <- function() {
  stat <- tryCatch(readLines("/proc/self/stat", warn = FALSE), error = function(e) "")
  fields <- strsplit(sub("^.*[)] ", "", stat), " ")[[1]]
  if (length(fields) < 8) NA_real_ else as.numeric(fields[8])
}
faults <- c()
timed <- function() {
  f0 <- minflt()
  t0 <- Sys.time()
  x <<- eval(call, envir = globalenv())
  ms <- 1000 * as.numeric(difftime(Sys.time(), t0, units = "secs"))
  faults <<- c(faults, minflt() - f0)
  ms
}
start <- Sys.time()
spent <- function() as.numeric(difftime(Sys.time(), start, units = "secs"))
cold <- c()
for (k in seq_len(cold_n)) {
  cold <- c(cold, timed())
  if (spent() > budget) break
}
cold_faults <- faults
value <- eval(parse(text = args[4]))
warm <- c()
if (length(cold) == cold_n && spent() < budget) {
  for (k in 1:3) timed() # warm-up, untimed
  for (k in seq_len(warm_n)) {
    if (spent() > budget) break
    warm <- c(warm, timed())
  }
}
cat(toJSON(list(value = value, cold = cold, warm = warm, coldFaults = cold_faults), digits = NA, auto_unbox = TRUE), "\n")
