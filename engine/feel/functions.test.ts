/**
 * Camunda's extra built-in functions, one line each (feelin's style), against the public entry.
 * Expected values follow the examples on docs.camunda.io ("FEEL built-in functions").
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from './index.js';

const clock = { now: Date.parse('2026-11-24T10:15:30.250Z'), random: () => 0.5 };

function valueOf(expression: string, variables: Record<string, unknown> = {}): unknown {
  const result = evaluate(expression, variables, clock);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

describe('Camunda extra functions', () => {
  it.each([
    // boolean
    ['is defined(1)', true],
    ['is defined(null)', false],
    ['is defined(x)', false],
    ['is defined(x.y)', false],
    ['get or else("this", "default")', 'this'],
    ['get or else(null, "default")', 'default'],
    ['get or else(x, "prio-99")', 'prio-99'],
    ['get or else(null, null)', null],
    ['assert(4, 4 >= 0)', 4],
    // string
    ['extract("references are 1234, 1256, 1378", "12[0-9]*")', ['1234', '1256']],
    ['extract("none here", "[0-9]+")', []],
    ['trim("  hello world  ")', 'hello world'],
    ['trim("hello   world ")', 'hello   world'],
    ['to base64("FEEL")', 'RkVFTA=='],
    ['is blank("")', true],
    ['is blank(" ")', true],
    ['is blank("hello world")', false],
    ['string join(["a","b","c"])', 'abc'],
    ['string join(["a"], "X")', 'a'],
    ['string join(["a","b","c"], ", ")', 'a, b, c'],
    ['string join(["a","b","c"], ", ", "[", "]")', '[a, b, c]'],
    ['string join(["a",null,"c"])', 'ac'],
    ['string join([])', ''],
    ['string join(["a", 1])', null],
    // list
    ['is empty([])', true],
    ['is empty([1,2,3])', false],
    ['duplicate values([1,2,3,2,1])', [1, 2]],
    ['duplicate values(["a", {k: 1}, {k: 1}])', [{ k: 1 }]],
    ['duplicate values([1,2,3])', []],
    ['partition([1,2,3,4,5], 2)', [[1, 2], [3, 4], [5]]],
    ['partition([], 2)', []],
    ['partition([1,2], 0)', null],
    // context
    ['get value({foo: 123}, "foo")', 123],
    ['get value({a: 1}, "b")', null],
    ['get value({x:1, y: {z:0}}, ["y", "z"])', 0],
    ['get value({x: {y: {z:0}}}, ["x", "y"])', { z: 0 }],
    ['get value({a: {b: 3}}, ["b"])', null],
    ['get value({a: 1}, [])', null],
    ['put({x:1}, "y", 2)', { x: 1, y: 2 }],
    ['put({x:1}, "x", 2)', { x: 2 }],
    ['put all({x:1}, {y:2})', { x: 1, y: 2 }],
    ['put all({x:1, y:0}, {y:2}, {z:3})', { x: 1, y: 2, z: 3 }],
    ['put all({x:1}, 5)', null],
    ['context put({x:1}, "y", 2)', { x: 1, y: 2 }],
    ['context put({x:1}, ["y"], 2)', { x: 1, y: 2 }],
    ['context put({x:1, y: {z:0}}, ["y", "z"], 2)', { x: 1, y: { z: 2 } }],
    ['context put({x:1}, ["y", "z"], 2)', { x: 1, y: { z: 2 } }],
    ['context put({x:1}, [], 2)', null],
    ['context merge([{x:1}, {y:2}])', { x: 1, y: 2 }],
    ['get entries({foo: 123})', [{ key: 'foo', value: 123 }]],
    // conversion
    ['from json("{\\"a\\": 1, \\"b\\": 2}")', { a: 1, b: 2 }],
    ['from json("true")', true],
    ['from json("\\"2023-06-14\\"")', '2023-06-14'],
    ['from json("not json")', null],
    ['to json({a: 1, b: 2})', '{"a":1,"b":2}'],
    ['to json(true)', 'true'],
    ['to json(@"2023-06-14")', '"2023-06-14"'],
    ['to json(@"2025-11-24T10:00:00@Europe/Berlin")', '"2025-11-24T10:00:00+01:00[Europe/Berlin]"'],
    ['to json(@"P3Y")', '"P3Y"'],
    [
      'date and time("2018-04-29T09:30:00+02:00[Europe/Berlin]")',
      '2018-04-29T09:30+02:00[Europe/Berlin]',
    ],
    [
      'date and time(@"2020-07-31T14:27:30@Europe/Berlin", "America/Los_Angeles")',
      '2020-07-31T05:27:30-07:00[America/Los_Angeles]',
    ],
    ['date and time(@"2020-07-31T14:27:30+02:00", "Z")', '2020-07-31T12:27:30Z'],
    ['date and time(@"2020-07-31T14:27:30Z", "Mars/Olympus")', null],
    ['date and time(date("2012-12-24"), time("23:59:00"))', '2012-12-24T23:59'],
    ['date and time(date and time("2012-12-25T11:00:00"), time("23:59:00"))', '2012-12-25T23:59'],
    ['date and time(date: date("2012-12-24"), time: time("10:00:00Z"))', '2012-12-24T10:00Z'],
    ['date and time("2024-06-31T10:00:00")', null],
    // temporal
    ['now()', '2026-11-24T10:15:30.250Z'],
    ['today()', '2026-11-24'],
    ['now() - @"2026-11-24T10:00:00Z" > duration("PT15M")', true],
    ['last day of month(date("2022-10-01"))', '2022-10-31'],
    ['last day of month(date and time("2022-10-16T12:00:00"))', '2022-10-31'],
    ['last day of month(date("2024-02-10"))', '2024-02-29'],
    ['last day of month(date("2026-02-10"))', '2026-02-28'],
    ['last day of month("2026-02-10")', null],
    // random
    ['random number()', 0.5],
    ['uuid()', '80808080-8080-4080-8080-808080808080'],
    ['string length(uuid())', 36],
    ['fromAi(toolCall.query, "The search query", "string")', 'funding'],
  ])('%s = %j', (expression, expected) => {
    expect(valueOf(expression, { toolCall: { query: 'funding' } })).toEqual(expected);
  });

  it.each([
    ['upper case("aBc4")', 'ABC4'],
    ['lower case("aBc4")', 'abc4'],
    ['day of week(date("2019-09-17"))', 'Tuesday'],
    ['month of year(date("2019-09-17"))', 'September'],
    ['week of year(date("2019-09-17"))', 38],
    ['distinct values([1,2,3,2,1])', [1, 2, 3]],
    ['number("1,500", ",")', 1500],
    ['floor(-1.56, 1)', -1.6],
    ['round half up(1.125, 2)', 1.13],
    ['decimal(1/3, 2)', 0.33],
    ['sort([3,1,2], function(x,y) x < y)', [1, 2, 3]],
    ['substring("foobar", 3)', 'obar'],
    ['split("a;b;c", ";")', ['a', 'b', 'c']],
  ])("feelin's built-in %s = %j", (expression, expected) => {
    expect(valueOf(expression)).toEqual(expected);
  });

  it.each([
    [
      'assert(x, x != null)',
      {},
      "Assertion failure on evaluate the expression 'assert(x, x != null)': The condition is not fulfilled",
    ],
    [
      'assert(x, x >= 0, "\'x\' should be positive")',
      { x: -1 },
      "Assertion failure on evaluate the expression 'assert(x, x >= 0, \"'x' should be positive\")': 'x' should be positive",
    ],
  ] as const)('%s with %j fails the evaluation', (expression, variables, message) => {
    // when
    const result = evaluate(expression, variables);
    // then
    expect(result).toMatchObject({ ok: false, code: 'FEEL_ASSERTION_FAILED' });
    expect(!result.ok && result.message.startsWith(message)).toBe(true);
    expect(!result.ok && result.message).toContain('[ASSERT_FAILURE]');
  });

  it.each(['now()', 'today()'])(
    '%s without an injected clock fails instead of reading the system clock',
    (expression) => {
      expect(evaluate(expression, {})).toMatchObject({ ok: false, code: 'FEEL_MISSING_SOURCE' });
    },
  );

  it.each(['uuid()', 'random number()'])(
    '%s without an injected random source fails',
    (expression) => {
      expect(evaluate(expression, {}, { now: 0 })).toMatchObject({
        ok: false,
        code: 'FEEL_MISSING_SOURCE',
      });
    },
  );

  it('builds version 4 UUIDs from the injected random source, so a replay yields the same ids', () => {
    // given a seeded source, twice
    const seeded = () => {
      let seed = 7;
      return () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    };
    // when
    const first = evaluate('[uuid(), uuid()]', {}, { random: seeded() });
    const replay = evaluate('[uuid(), uuid()]', {}, { random: seeded() });
    // then
    expect(first).toEqual(replay);
    const ids = first.ok ? (first.value as string[]) : [];
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ids[0]).not.toBe(ids[1]);
  });
});
