/**
 * The works the measures' definitions cite, each written once: authors, year, title, venue.
 */

export const DOCQUIER_MARFOUK_2006 =
  "Docquier F., Marfouk A. (2006), “International migration by education attainment, 1990–2000”, in Özden Ç., Schiff M. (eds.), International Migration, Remittances and the Brain Drain, World Bank";
export const BRUCKER_2013 =
  "Brücker H., Capuano S., Marfouk A. (2013), “Education, gender and international migration: insights from a panel-dataset 1980–2010”, IAB Brain Drain Data, Institute for Employment Research (IAB)";
export const DOCQUIER_RAPOPORT_2012 = "Docquier F., Rapoport H. (2012), “Globalization, brain drain and development”, Journal of Economic Literature 50(3)";
export const DOCQUIER_LOWELL_MARFOUK_2009 = "Docquier F., Lowell B.L., Marfouk A. (2009), “A gendered assessment of highly skilled emigration”, Population and Development Review 35(2)";
export const MILLS_2011 =
  "Mills E.J. et al. (2011), “The financial cost of doctors emigrating from sub-Saharan Africa: human capital analysis”, BMJ 343:d7031";
export const BELL_2002 =
  "Bell M., Blake M., Boyle P. et al. (2002), “Cross-national comparison of internal migration: issues and measures”, Journal of the Royal Statistical Society Series A 165(3), 435–464";
export const SAXENIAN_2005 =
  "Saxenian A. (2005), “From brain drain to brain circulation: transnational communities and regional upgrading in India and China”, Studies in Comparative International Development 40(2)";
export const JOHNSON_REGETS_1998 =
  "Johnson J.M., Regets M.C. (1998), “International mobility of scientists and engineers to the United States: brain drain or brain circulation?”, National Science Foundation Issue Brief 98-316";
export const OECD_2008 = "OECD (2008), International Migration Outlook 2008, Part III “Return migration: a new perspective”, OECD Publishing, Paris";
export const FINN_2014 = "Finn M.G. (2014), “Stay rates of foreign doctorate recipients from U.S. universities, 2011”, Oak Ridge Institute for Science and Education";
export const UN_1998 = "United Nations (1998), Recommendations on Statistics of International Migration, Revision 1, Statistical Papers Series M No. 58 (rates per 1,000 population)";
export const SHRYOCK_SIEGEL_1976 = "Shryock H.S., Siegel J.S. (1976), The Methods and Materials of Demography (condensed edition), Academic Press";
export const COURGEAU_1973 = "Courgeau D. (1973), “Migrations et découpages du territoire”, Population 28(3)";
export const ROGERS_RAYMER_1998 = "Rogers A., Raymer J. (1998), “The spatial focus of US interstate migration flows”, International Journal of Population Geography 4(1), 63–80";
export const PLANE_MULLIGAN_1997 = "Plane D.A., Mulligan G.F. (1997), “Measuring spatial focusing in a migration system”, Demography 34(2), 251–262";
export const DEMING_STEPHAN_1940 =
  "Deming W.E., Stephan F.F. (1940), “On a least squares adjustment of a sampled frequency table when the expected marginal totals are known”, Annals of Mathematical Statistics 11(4), 427–444";
export const BISHOP_FIENBERG_HOLLAND_1975 = "Bishop Y.M.M., Fienberg S.E., Holland P.W. (1975), Discrete Multivariate Analysis: Theory and Practice, MIT Press, chapter 3";
export const WILLEKENS_1999 =
  "Willekens F. (1999), “Modeling approaches to the indirect estimation of migration flows: from entropy to EM”, Mathematical Population Studies 7(3), 239–278";
export const ABEL_2013 = "Abel G.J. (2013), “Estimating global migration flow tables using place of birth data”, Demographic Research 28(18), 505–546";
export const ABEL_SANDER_2014 = "Abel G.J., Sander N. (2014), “Quantifying global international migration flows”, Science 343(6178), 1520–1522";
export const ABEL_COHEN_2019 = "Abel G.J., Cohen J.E. (2019), “Bilateral international migration flow estimates for 200 countries”, Scientific Data 6, 82";
export const MIGEST = "Abel G.J., migest: Methods for the Indirect Estimation of Bilateral Migration, R package 2.0.5";
export const MIGRATION_INDICES = "Bálint L., Daróczi G., migration.indices: Migration Indices, R package 0.3.1";
export const UN_1970 = "United Nations (1970), Methods of Measuring Internal Migration, Manual VI, Population Studies No. 47";
export const FLOWERDEW_AITKIN_1982 = "Flowerdew R., Aitkin M. (1982), “A method of fitting the gravity model based on the Poisson distribution”, Journal of Regional Science 22(2), 191–202";
export const ROGERS_1975 = "Rogers A. (1975), Introduction to Multiregional Mathematical Demography, Wiley";
export const BELL_MUHIDIN_2009 = "Bell M., Muhidin S. (2009), “Cross-national comparisons of internal migration”, Human Development Research Paper 2009/30, UNDP";
export const BERNARD_2014 =
  "Bernard A., Bell M., Charles-Edwards E. (2014), “Improved measures for the cross-national comparison of age profiles of internal migration”, Population Studies 68(2), 179–195";
export const UIS =
  "UNESCO Institute for Statistics (UIS), Glossary and “Methodology for the international student mobility indicators” (UIS publishes the indicators as percentages; here they are fractions)";
