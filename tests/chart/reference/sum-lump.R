# Reference values for the chord diagram's "top N + Other" lumping (tests/chart/lump.test.ts):
# migest's sum_lump with lump = "turnover" and a threshold between the N-th and (N+1)-th largest
# turnover lumps the same regions as lumpTop(m, N). Run from the repository root:
#   Rscript tests/chart/reference/sum-lump.R > tests/chart/reference/sum-lump.json
# (sources the R files of migest from ../peers/migest, or MIGEST_R; needs dplyr, tidyr, jsonlite)
suppressPackageStartupMessages({ library(dplyr); library(tidyr); library(jsonlite) })
dir <- Sys.getenv("MIGEST_R", "../peers/migest/R")
`%>%` <- dplyr::`%>%`
for (f in c("mig_tibble.R", "sum_region.R", "sum_lump.R")) source(file.path(dir, f))
r <- LETTERS[1:4]
m <- matrix(data = c(0, 100, 30, 10, 50, 0, 50, 5, 10, 40, 0, 40, 20, 25, 20, 0),
            nrow = 4, ncol = 4, dimnames = list(orig = r, dest = r), byrow = TRUE)
# Turnover: A 220, B 270, C 190, D 120; a threshold of 200 keeps A and B (the top 2).
small <- as.data.frame(sum_lump(m, threshold = 200, lump = "turnover", other_level = "Other"))
# Erasmus 2012-13 (../shared/data): the threshold halfway between the 10th and 11th turnover.
e <- read.csv("../shared/data/erasmus-student-mobility-2012-13.csv", check.names = FALSE, row.names = 1)
em <- as.matrix(e); diag(em) <- 0
dimnames(em) <- list(orig = rownames(e), dest = colnames(e))
turn <- sort(rowSums(em) + colSums(em), decreasing = TRUE)
threshold <- (turn[[10]] + turn[[11]]) / 2
erasmus <- as.data.frame(sum_lump(em, threshold = threshold, lump = "turnover", other_level = "Other"))
cols <- c("orig", "dest", "flow")
cat(toJSON(list(small = list(threshold = 200, flows = small[, cols]), erasmus = list(threshold = threshold, flows = erasmus[, cols])),
           dataframe = "rows", auto_unbox = TRUE, digits = NA), "\n")
