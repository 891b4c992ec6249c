/**
 * The seeded random source of the demo data: Faker with locale `de`, a fixed seed and a fixed
 * reference date, so two runs produce the same data.
 */
import { Faker, base, de, en } from '@faker-js/faker';

/** Every demo date lies before this instant. */
export const demoReferenceDate = new Date('2026-01-01T00:00:00Z');
const demoSeed = 20_221_001;

/** A fresh, seeded Faker (German first, English and base as fallbacks). */
export function demoFaker(): Faker {
  const faker = new Faker({ locale: [de, en, base] });
  faker.seed(demoSeed);
  faker.setDefaultRefDate(demoReferenceDate);
  return faker;
}

const day = 86_400_000;

/** `YYYY-MM-DD` of an instant (UTC). */
export const isoDate = (date: Date): string => date.toISOString().slice(0, 10);
/** The instant `days` days after `date`. */
export const addDays = (date: Date, days: number): Date => new Date(date.getTime() + days * day);
/** The date `years` calendar years after `date`. */
export function addYears(date: Date, years: number): Date {
  const result = new Date(date);
  result.setUTCFullYear(result.getUTCFullYear() + years);
  return result;
}
