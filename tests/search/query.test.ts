import { describe, expect, test } from "vitest";
import { MAX_QUERY_LENGTH, parseSearchQuery, searchQueryFromParams, SearchQueryError } from "../../lib/search";

/** The message a query gets, or "ok". */
const problem = (run: () => unknown) => {
  try {
    run();
    return "ok";
  } catch (error) {
    expect(error).toBeInstanceOf(SearchQueryError);
    return (error as Error).message;
  }
};

describe("one query schema for the API, the search page and the CLI", () => {
  test("the same limits whichever way a query comes: URL parameters, a page's searchParams, options", () => {
    const cases: Array<[string, string]> = [
      ["q=降成本", "ok"],
      ["q=%20%20", "query is empty"],
      [`q=${"降".repeat(MAX_QUERY_LENGTH)}`, "ok"],
      [`q=${"降".repeat(MAX_QUERY_LENGTH + 1)}`, `query is too long (${MAX_QUERY_LENGTH + 1} characters, at most ${MAX_QUERY_LENGTH})`],
      ["q=x&limit=0", "bad parameter limit: a whole number from 1 to 100"],
      ["q=x&limit=1.5", "bad parameter limit: a whole number from 1 to 100"],
      ["q=x&offset=10001", "bad parameter offset: a whole number from 0 to 10000"],
      ["q=x&role=boss", `bad role "boss" (expected one of requirement, principle, goal, task, measure, other)`],
      ["q=x&status=有效", `bad status "有效" (expected one of 现行有效, 已失效, 已废止, 尚未施行)`],
      ["q=x&year=20x9", "bad parameter year: a whole number from 1900 to 2200"],
      ["q=x&role=task&year=2019&status=已失效", "ok"],
    ];
    for (const [params, expected] of cases) {
      const url = new URLSearchParams(params);
      expect(problem(() => searchQueryFromParams(url)), params).toBe(expected);
      // A page's searchParams: a value, or a list of values for a repeated name.
      const record = Object.fromEntries([...new Set(url.keys())].map((k) => [k, url.getAll(k).length > 1 ? url.getAll(k) : url.get(k)!]));
      expect(problem(() => searchQueryFromParams(record)), params).toBe(expected);
      // The CLI's options: strings, filters as lists.
      const { q = "", limit, offset, ...rest } = Object.fromEntries(url);
      const filters = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, [v]]));
      expect(problem(() => parseSearchQuery({ q, limit, offset, filters })), params).toBe(expected);
    }
  });

  test("a page of hits is an offset; the search page fixes its page size and asks for facets", () => {
    expect(searchQueryFromParams(new URLSearchParams("q=x&page=3&limit=20"))).toMatchObject({ limit: 20, offset: 40, facets: false });
    expect(searchQueryFromParams({ q: "x", page: "2", limit: "5", role: ["task", "goal"] }, { limit: 20, facets: true })).toMatchObject({ limit: 20, offset: 20, facets: true, filters: { role: ["task", "goal"] } });
    expect(problem(() => searchQueryFromParams(new URLSearchParams("q=x&page=1000&limit=100")))).toMatch(/^bad parameter page/);
  });
});
