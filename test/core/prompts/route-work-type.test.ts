import { describe, expect, it } from "vitest";
import { routeWorkType } from "../../../src/core/prompts/route-work-type.js";

const PURE_AGENT = `# Discovery: Support triage agent

## Problem
Support tickets wait hours for a first label.

## Solution overview
An LLM agent reads each new ticket, calls tools to look up the customer's plan,
and proposes a label. Built with LangGraph; prompts live next to the graph.

## Evaluation
An eval set of 200 labelled tickets; accuracy must reach 90 %.

## Out of scope
- A dashboard for reviewing labels
- Storing labels in the database
`;

const HYBRID = `# Discovery: Release notes assistant

An agent drafts release notes from merged PRs using Claude.
A new endpoint POST /releases/{id}/notes returns the draft, and the admin UI shows it.
`;

const API_ONLY = `# Discovery: Invoice export

Add an endpoint that returns last month's invoices as CSV.
Invoices are read from the Postgres database.
`;

describe("routeWorkType", () => {
  it.each([
    ["pure agent work, out-of-scope section ignored", PURE_AGENT, "agent"],
    ["agent plus endpoint and UI (hybrid)", HYBRID, "implementation"],
    ["API and database only", API_ONLY, "implementation"],
    [
      "a single agent signal is not enough",
      "We want the prompts in the onboarding email to be friendlier.",
      "implementation",
    ],
    [
      "negated non-agent signals do not count",
      "An agent with tool calling. There is no UI and no database.",
      "agent",
    ],
    [
      "labelled out-of-scope block",
      "An LLM agent with prompts.\n\n**Out:**\n- frontend\n- REST endpoints\n",
      "agent",
    ],
    [
      "in-scope label ends the excluded block",
      "Agent + LLM.\nOut: dashboard\nIn: a GraphQL endpoint\n",
      "implementation",
    ],
    ["inline out-of-scope sentence", "An LLM agent with prompts. A web UI is out of scope for now.", "agent"],
    ["a vector database is retrieval, not a database", "The agent uses RAG over a vector database.", "agent"],
    ["'user agent' is not an agent", "Log the user agent of each request to the database.", "implementation"],
    [
      "declared agent type wins",
      "| Field | Value |\n|---|---|\n| Type | agent-dspy |\n\nAlso a dashboard.",
      "agent",
    ],
    [
      "declared backend type wins",
      "Type: backend-api\n\nAn LLM agent with prompts and evals.",
      "implementation",
    ],
    ["empty document", "", "implementation"],
  ])("%s", (_case, text, kind) => {
    expect(routeWorkType(text).kind).toBe(kind);
  });

  it("explains an agent route with the signals and their lines", () => {
    expect(routeWorkType(PURE_AGENT).reasons).toEqual([
      "agent signals: agents (line 7), LLMs (line 7), tool calling (line 7), orchestration (line 8), prompts (line 8), evaluation (line 11)",
      "no API, frontend or database signals: pure agent work",
    ]);
  });

  it("explains a hybrid route", () => {
    expect(routeWorkType(HYBRID).reasons).toEqual([
      "agent signals: agents (line 3), LLMs (line 3)",
      "API, frontend or database signals: API endpoints (line 4), frontend (line 4)",
      "hybrid work: the agent component gets its own chunk and a separate agent spec",
    ]);
  });

  it("explains too few signals and a declared type", () => {
    expect(routeWorkType("Tune the prompts.").reasons).toEqual([
      "agent signals: prompts (line 1)",
      "too few agent signals (1, at least 2 needed) for pure agent work",
    ]);
    expect(routeWorkType("intro\nType: agent-langgraph\n").reasons).toEqual([
      "the document declares the work type agent-langgraph (line 2)",
    ]);
  });
});
