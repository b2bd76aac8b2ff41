/**
 * The roles' names as users read them: English from the engine's registry (the report's column
 * headers), Ukrainian beside it.
 */
import { ROLE_LABELS } from "../report/roles";
import type { Role } from "../report/types";
import type { Lang } from "./lang";

const ROLE_UK: Record<Role, string> = {
  region: "Регіон",
  code: "Код",
  year: "Рік",
  group: "Група",
  origin: "Звідки (походження)",
  destination: "Куди (призначення)",
  flow: "Потік",
  emigrants: "Емігранти",
  immigrants: "Іммігранти",
  skilledEmigrants: "Кваліфіковані емігранти",
  skilledResidents: "Кваліфіковані мешканці",
  skilledImmigrants: "Кваліфіковані іммігранти",
  residents: "Мешканці",
  population: "Населення",
  returnees: "Ті, хто повернувся",
  inboundStudents: "Іноземні студенти (вхідні)",
  outboundStudents: "Студенти за кордоном",
  tertiaryEnrolment: "Студенти вищої освіти",
  tertiaryAgePopulation: "Населення віку вищої освіти",
  totalRate: "Загальний рівень еміграції",
  skilledRate: "Рівень еміграції кваліфікованих",
};

export const ROLE_NAMES: Record<Lang, Readonly<Record<Role, string>>> = { en: ROLE_LABELS, uk: ROLE_UK };
