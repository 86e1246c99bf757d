/**
 * Fixtures of the app tests on the Orbit Books repository (`orbit-repo.ts`): the issue's
 * discovery, a gift-wrapping implementation spec that passes the implementation-spec rules,
 * and a discovery document pushed to `docs/discovery/`.
 */

/** The job target, output path and branch of the issue #12 spec ("Gift wrapping at checkout"). */
export const GIFT_TARGET = "spec-12-gift-wrapping-at-checkout";
export const GIFT_SPEC_PATH = "specs/12-gift-wrapping-at-checkout.md";
export const GIFT_BRANCH = "specwright/spec-12-gift-wrapping-at-checkout";

/** An implementation spec for gift wrapping that passes every implementation-spec rule on Orbit. */
export function giftSpec(options: { questions?: string[]; extra?: string } = {}): string {
  const questions = options.questions ?? [
    "Should gift wrapping cost extra, and how much?",
    "May a cart mix wrapped and unwrapped books?",
  ];
  return `# Gift Wrapping at Checkout

## Meta

| Field | Value |
|-------|-------|
| Type | backend-api |
| Repo | books |
| Status | draft |
| Created | 2026-11-20 |

## Overview

Readers want to send books as gifts. The cart gets a gift-wrapping option that checkout
charges for and receipts mention.${options.extra ? `\n\n${options.extra}` : ""}

## Skills

Load these skills before starting:
- backend-api

## Requirements

- A reader can mark the cart as gift wrapped before checkout
- The receipt says the order is gift wrapped

## Architecture

- Keep the flag on the cart; checkout reads it when the order is placed

## Reference Files

**From Discovery:**
- \`src/cart/cart.ts\` — the cart the flag is added to

**From Spec Research:**
- \`src/receipts/receipt.ts\` — the receipt text

## Execution Plan

### Work Streams

| Stream | Responsibility | Owns | Skills |
|--------|---------------|------|--------|
| cart | Gift flag and receipt line | src/cart/gift.ts | backend-api |

### Phase 1: Gift flag

| Chunk | Stream | Outcome | Depends On |
|-------|--------|---------|------------|
| Gift flag | cart | The cart remembers that it is a gift | — |

**Details:**

- [ ] **Gift flag**
  Outcome: A cart can be marked as a gift and the receipt says so.
  Stream: cart
  Skills: backend-api
  - Store the flag with the cart and print it on the receipt

## Acceptance Criteria

- [ ] A gift-wrapped cart produces a receipt that mentions gift wrapping
- [ ] All tests pass: \`npm test\`
- [ ] Linting clean: \`npm run lint\`

## Completion Promise

<promise>GIFT_WRAPPING_COMPLETE</promise>

## Notes

- Assumed wrapping applies to the whole order, not to single books.

### Questions for reviewers

${questions.map((q) => `- ${q}`).join("\n")}
`;
}

/** A discovery document pushed to the default branch. */
export const GIFT_DISCOVERY = `# Discovery: gift wrapping

## Problem

Readers cannot send books as gifts.

## Solution overview

A gift-wrapping option on the cart, charged at checkout and printed on the receipt.

## Reference files

- \`src/cart/cart.ts\` — the cart
`;
