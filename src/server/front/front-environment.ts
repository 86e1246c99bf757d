import { isSecretVariable } from "../../core/redact-secrets.js";
import { FRONT_SETTINGS_VARIABLE, type FrontSettings } from "./run-webhook-front.js";

/**
 * What a front's environment adds to and takes from this process's: its settings, and none of
 * the secrets it has no use for (the app's private key, the model's API key…); an `undefined`
 * value removes a variable from a child's environment.
 */
export function frontEnvironment(
  env: Readonly<Record<string, string | undefined>>,
  settings: FrontSettings,
): Record<string, string | undefined> {
  const removed = Object.keys(env).filter(isSecretVariable);
  return {
    ...Object.fromEntries(removed.map((name) => [name, undefined])),
    [FRONT_SETTINGS_VARIABLE]: JSON.stringify(settings),
  };
}
