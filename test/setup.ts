import nock from "nock";
import { afterAll, afterEach, beforeAll } from "vitest";

// No test may reach the network: GitHub and Anthropic are always nocked.
// Loopback stays allowed for tests that start a local server.
beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
});

afterEach(() => {
  nock.cleanAll();
});

afterAll(() => {
  nock.enableNetConnect();
});
