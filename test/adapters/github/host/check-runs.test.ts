import nock from "nock";
import { describe, expect, it } from "vitest";
import type { CheckAnnotation } from "../../../../src/ports/git-host.js";
import { API, makeTestHost, REPO, sha } from "./make-test-host.js";

type AnnotationBody = {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: string;
  message: string;
};
type CheckBody = {
  name?: string;
  head_sha?: string;
  status?: string;
  conclusion?: string;
  output: { title: string; summary: string; text?: string; annotations?: AnnotationBody[] };
};

function annotations(count: number): CheckAnnotation[] {
  return Array.from({ length: count }, (_, i) => ({
    path: `specs/s${i % 7}.md`,
    startLine: i + 1,
    level: i % 2 === 0 ? "failure" : "warning",
    message: `finding ${i}`,
  }));
}

describe("GitHost check runs", () => {
  it("creates a run with 120 annotations as one create and two updates of at most 50", async () => {
    const bodies: CheckBody[] = [];
    const record = (body: CheckBody) => {
      bodies.push(body);
      return true;
    };
    const scope = nock(API)
      .post(`${REPO}/check-runs`, record)
      .reply(201, { id: 42, html_url: "https://github.com/acme/widgets/runs/42" })
      .patch(`${REPO}/check-runs/42`, record)
      .twice()
      .reply(200, { id: 42, html_url: "https://github.com/acme/widgets/runs/42" });

    const result = await makeTestHost().createCheckRun({
      name: "Specwright consistency",
      headSha: sha("e"),
      conclusion: "failure",
      output: { title: "3 errors", summary: "Summary", text: "Details", annotations: annotations(120) },
    });

    expect(result).toEqual({ id: 42, url: "https://github.com/acme/widgets/runs/42" });
    expect(scope.isDone()).toBe(true);
    expect(bodies.map((b) => b.output.annotations?.length)).toEqual([50, 50, 20]);
    expect(bodies[0]).toMatchObject({
      name: "Specwright consistency",
      head_sha: sha("e"),
      conclusion: "failure",
    });
    expect(bodies[0]?.output.annotations?.[0]).toEqual({
      path: "specs/s0.md",
      start_line: 1,
      end_line: 1,
      annotation_level: "failure",
      message: "finding 0",
    });
    // Follow-ups repeat the output text and carry the next annotations in order, nothing else.
    for (const [i, body] of bodies.slice(1).entries()) {
      expect(Object.keys(body).sort()).toEqual(["output"]);
      expect(body.output).toMatchObject({ title: "3 errors", summary: "Summary", text: "Details" });
      expect(body.output.annotations?.[0]?.message).toBe(`finding ${(i + 1) * 50}`);
    }
  });

  it("updates a run in one request when there are at most 50 annotations, clamping lines", async () => {
    const scope = nock(API)
      .patch(`${REPO}/check-runs/7`, {
        status: "completed",
        conclusion: "success",
        output: {
          title: "No problems",
          summary: "All specs pass.",
          annotations: [
            {
              path: "specs/a.md",
              start_line: 1,
              end_line: 1,
              annotation_level: "notice",
              message: "(no message)",
              title: "Note",
            },
          ],
        },
      })
      .reply(200, { id: 7, html_url: null });

    const result = await makeTestHost().updateCheckRun(7, {
      status: "completed",
      conclusion: "success",
      output: {
        title: "No problems",
        summary: "All specs pass.",
        annotations: [{ path: "specs/a.md", startLine: 0, level: "notice", message: " ", title: "Note" }],
      },
    });
    expect(result).toEqual({ id: 7, url: "" });
    expect(scope.isDone()).toBe(true);
  });

  it("sets a commit status with the description cut to 140 characters", async () => {
    let description = "";
    const scope = nock(API)
      .post(
        `${REPO}/statuses/${sha("f")}`,
        (body: { state: string; context: string; description: string; target_url: string }) => {
          description = body.description;
          return (
            body.state === "failure" &&
            body.context === "specwright/staleness" &&
            body.target_url === "https://example.test/x"
          );
        },
      )
      .reply(201, { id: 1 });

    await makeTestHost().setCommitStatus({
      sha: sha("f"),
      state: "failure",
      context: "specwright/staleness",
      description: `3 specs are stale: ${"x".repeat(300)}`,
      targetUrl: "https://example.test/x",
    });
    expect(description).toHaveLength(140);
    expect(description.endsWith("…")).toBe(true);
    expect(scope.isDone()).toBe(true);
  });
});
