/**
 * England and Wales bank holidays, 2018 to 2028, as on GOV.UK (https://www.gov.uk/bank-holidays,
 * whose bank-holidays.json the admin area can import to add later years). Titles and notes are
 * written as GOV.UK writes them, curly apostrophe included. Years beyond the official list at the
 * time of writing follow the standing rules (Good Friday and Easter Monday from Easter; first and
 * last Monday in May; last Monday in August; Christmas Day and Boxing Day, with a substitute
 * weekday when they fall at a weekend): a proclaimed change must be imported or edited.
 *
 * Easter Sunday: 2018-04-01, 2019-04-21, 2020-04-12, 2021-04-04, 2022-04-17, 2023-04-09,
 * 2024-03-31, 2025-04-20, 2026-04-05, 2027-03-28, 2028-04-16.
 */
const SUBSTITUTE = "Substitute day";

export const englandAndWalesBankHolidays: { date: string; title: string; notes?: string }[] = [
  // 2018
  { date: "2018-01-01", title: "New Year’s Day" },
  { date: "2018-03-30", title: "Good Friday" },
  { date: "2018-04-02", title: "Easter Monday" },
  { date: "2018-05-07", title: "Early May bank holiday" },
  { date: "2018-05-28", title: "Spring bank holiday" },
  { date: "2018-08-27", title: "Summer bank holiday" },
  { date: "2018-12-25", title: "Christmas Day" },
  { date: "2018-12-26", title: "Boxing Day" },
  // 2019
  { date: "2019-01-01", title: "New Year’s Day" },
  { date: "2019-04-19", title: "Good Friday" },
  { date: "2019-04-22", title: "Easter Monday" },
  { date: "2019-05-06", title: "Early May bank holiday" },
  { date: "2019-05-27", title: "Spring bank holiday" },
  { date: "2019-08-26", title: "Summer bank holiday" },
  { date: "2019-12-25", title: "Christmas Day" },
  { date: "2019-12-26", title: "Boxing Day" },
  // 2020: the early May bank holiday moved from Monday 4 May to Friday 8 May for VE Day.
  { date: "2020-01-01", title: "New Year’s Day" },
  { date: "2020-04-10", title: "Good Friday" },
  { date: "2020-04-13", title: "Easter Monday" },
  { date: "2020-05-08", title: "Early May bank holiday (VE day)" },
  { date: "2020-05-25", title: "Spring bank holiday" },
  { date: "2020-08-31", title: "Summer bank holiday" },
  { date: "2020-12-25", title: "Christmas Day" },
  { date: "2020-12-28", title: "Boxing Day", notes: SUBSTITUTE },
  // 2021
  { date: "2021-01-01", title: "New Year’s Day" },
  { date: "2021-04-02", title: "Good Friday" },
  { date: "2021-04-05", title: "Easter Monday" },
  { date: "2021-05-03", title: "Early May bank holiday" },
  { date: "2021-05-31", title: "Spring bank holiday" },
  { date: "2021-08-30", title: "Summer bank holiday" },
  { date: "2021-12-27", title: "Christmas Day", notes: SUBSTITUTE },
  { date: "2021-12-28", title: "Boxing Day", notes: SUBSTITUTE },
  // 2022: the spring bank holiday moved to Thursday 2 June, with the Platinum Jubilee on
  // Friday 3 June; the State Funeral of Queen Elizabeth II on Monday 19 September.
  { date: "2022-01-03", title: "New Year’s Day", notes: SUBSTITUTE },
  { date: "2022-04-15", title: "Good Friday" },
  { date: "2022-04-18", title: "Easter Monday" },
  { date: "2022-05-02", title: "Early May bank holiday" },
  { date: "2022-06-02", title: "Spring bank holiday" },
  { date: "2022-06-03", title: "Platinum Jubilee bank holiday" },
  { date: "2022-08-29", title: "Summer bank holiday" },
  { date: "2022-09-19", title: "Bank Holiday for the State Funeral of Queen Elizabeth II" },
  { date: "2022-12-26", title: "Boxing Day" },
  { date: "2022-12-27", title: "Christmas Day", notes: SUBSTITUTE },
  // 2023: the coronation of King Charles III on Monday 8 May.
  { date: "2023-01-02", title: "New Year’s Day", notes: SUBSTITUTE },
  { date: "2023-04-07", title: "Good Friday" },
  { date: "2023-04-10", title: "Easter Monday" },
  { date: "2023-05-01", title: "Early May bank holiday" },
  { date: "2023-05-08", title: "Bank holiday for the coronation of King Charles III" },
  { date: "2023-05-29", title: "Spring bank holiday" },
  { date: "2023-08-28", title: "Summer bank holiday" },
  { date: "2023-12-25", title: "Christmas Day" },
  { date: "2023-12-26", title: "Boxing Day" },
  // 2024
  { date: "2024-01-01", title: "New Year’s Day" },
  { date: "2024-03-29", title: "Good Friday" },
  { date: "2024-04-01", title: "Easter Monday" },
  { date: "2024-05-06", title: "Early May bank holiday" },
  { date: "2024-05-27", title: "Spring bank holiday" },
  { date: "2024-08-26", title: "Summer bank holiday" },
  { date: "2024-12-25", title: "Christmas Day" },
  { date: "2024-12-26", title: "Boxing Day" },
  // 2025
  { date: "2025-01-01", title: "New Year’s Day" },
  { date: "2025-04-18", title: "Good Friday" },
  { date: "2025-04-21", title: "Easter Monday" },
  { date: "2025-05-05", title: "Early May bank holiday" },
  { date: "2025-05-26", title: "Spring bank holiday" },
  { date: "2025-08-25", title: "Summer bank holiday" },
  { date: "2025-12-25", title: "Christmas Day" },
  { date: "2025-12-26", title: "Boxing Day" },
  // 2026
  { date: "2026-01-01", title: "New Year’s Day" },
  { date: "2026-04-03", title: "Good Friday" },
  { date: "2026-04-06", title: "Easter Monday" },
  { date: "2026-05-04", title: "Early May bank holiday" },
  { date: "2026-05-25", title: "Spring bank holiday" },
  { date: "2026-08-31", title: "Summer bank holiday" },
  { date: "2026-12-25", title: "Christmas Day" },
  { date: "2026-12-28", title: "Boxing Day", notes: SUBSTITUTE },
  // 2027
  { date: "2027-01-01", title: "New Year’s Day" },
  { date: "2027-03-26", title: "Good Friday" },
  { date: "2027-03-29", title: "Easter Monday" },
  { date: "2027-05-03", title: "Early May bank holiday" },
  { date: "2027-05-31", title: "Spring bank holiday" },
  { date: "2027-08-30", title: "Summer bank holiday" },
  { date: "2027-12-27", title: "Christmas Day", notes: SUBSTITUTE },
  { date: "2027-12-28", title: "Boxing Day", notes: SUBSTITUTE },
  // 2028 (by the standing rules)
  { date: "2028-01-03", title: "New Year’s Day", notes: SUBSTITUTE },
  { date: "2028-04-14", title: "Good Friday" },
  { date: "2028-04-17", title: "Easter Monday" },
  { date: "2028-05-01", title: "Early May bank holiday" },
  { date: "2028-05-29", title: "Spring bank holiday" },
  { date: "2028-08-28", title: "Summer bank holiday" },
  { date: "2028-12-25", title: "Christmas Day" },
  { date: "2028-12-26", title: "Boxing Day" },
];
