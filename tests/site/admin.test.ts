import { describe, expect, test } from "vitest";
import { UploadError, checkAdminToken, uploadsEnabled } from "../../lib/site/admin";

const status = (fn: () => void) => {
  try {
    fn();
    return 200;
  } catch (error) {
    if (error instanceof UploadError) return error.status;
    throw error;
  }
};

describe("admin token", () => {
  const env = { ADMIN_TOKEN: "s3cret" };
  test("uploads are disabled without ADMIN_TOKEN", () => {
    expect(uploadsEnabled({})).toBe(false);
    expect(status(() => checkAdminToken("anything", {}))).toBe(403);
  });
  test("the right token passes; missing, wrong or longer tokens are 401", () => {
    expect(status(() => checkAdminToken("s3cret", env))).toBe(200);
    expect(status(() => checkAdminToken(null, env))).toBe(401);
    expect(status(() => checkAdminToken("s3creT", env))).toBe(401);
    expect(status(() => checkAdminToken("s3cret-and-more", env))).toBe(401);
  });
});
