# Reference values for the Trends and Trajectories sheets of the IAB brain-drain panel
# (1980–2010, every five years), computed from the CSV with base R and dplyr, independently of
# the report engine:
#   - per year: the number of rows, the median total and skilled emigration rates (tot_rate,
#     high_rate) over the rows where each is a number from 0 to 1, and the median selection ratio
#     (skilled ÷ total emigration rate, high_rate / tot_rate) over the rows whose two rates are
#     numbers from 0 to 1 with a total rate above 0;
#   - per country and gender: the skilled emigration rate (high_rate) in the first and the last
#     year, the change, and whether it rose or fell.
#
#   Rscript scripts/peer-reference/trends.R IAB_CSV OUT_JSON
#
# Needs: r-base-core, r-cran-dplyr, r-cran-jsonlite.
suppressPackageStartupMessages({
  library(dplyr)
  library(jsonlite)
})
args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 2) stop("usage: trends.R IAB_CSV OUT_JSON")
iab <- read.csv(args[1], stringsAsFactors = FALSE, check.names = FALSE)
# "World" (WLD) is the sum of the countries, not a country: the report leaves it out, as here.
iab <- iab %>% filter(origin != "World")

ok <- function(x) !is.na(x) & x >= 0 & x <= 1
trends <- iab %>%
  group_by(year) %>%
  summarise(
    rows = n(),
    median_total = median(tot_rate[ok(tot_rate)]),
    median_skilled = median(high_rate[ok(high_rate)]),
    median_selection = median((high_rate / tot_rate)[ok(high_rate) & ok(tot_rate) & tot_rate > 0]),
    .groups = "drop"
  ) %>%
  arrange(year)

first <- min(iab$year)
last <- max(iab$year)
at <- function(y) iab %>% filter(year == y) %>% select(origin, gender, rate = high_rate)
trajectories <- iab %>%
  distinct(origin, gender) %>%
  left_join(at(first) %>% rename(first = rate), by = c("origin", "gender")) %>%
  left_join(at(last) %>% rename(last = rate), by = c("origin", "gender")) %>%
  mutate(change = last - first, direction = ifelse(change > 0, "rose", ifelse(change < 0, "fell", "unchanged")))

write_json(
  list(source = basename(args[1]), first = first, last = last, trends = trends, trajectories = trajectories),
  args[2], digits = NA, auto_unbox = TRUE, pretty = TRUE, na = "null"
)
