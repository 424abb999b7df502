/**
 * The one pending confirmation of a destructive, bulk or previewed change (see
 * composables/useGuardrail.ts). GuardrailDialog shows it; the caller awaits the answer.
 */
import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import type { ChangeRow } from '../components/guardrails/change-rows';

/** What a confirmation asks. */
export interface ConfirmRequest {
  /** "Ban Ada Lovelace?" */
  title: string;
  /** What happens, plainly: "A ban signs Ada out of every session at once …". */
  consequence: string;
  /** The confirm button: "Ban user". */
  actionLabel: string;
  /** Destroys data or access: the button is red. */
  destructive: boolean;
  /**
   * A warning shown above the consequence, when the change has an effect beyond its target (issue 11:
   * the organization's last admin demoted or removed).
   */
  warning?: string;
  /** The change preview (field, before, after), when the action changes fields. */
  preview?: ChangeRow[];
  /**
   * What the administrator types on a production-class profile: the target's identifier (an email,
   * a user id) or, for a batch, the count.
   */
  confirmPhrase: string;
  /**
   * Whether a production-class profile types `confirmPhrase` (default true). Set false for a change
   * that is easily undone and not in the typed list (delete, ban, MFA disable, bulk): unban, unlock.
   */
  typed?: boolean;
  /** The profile the change goes through, when it is not the active one (e.g. a row of Profiles). */
  profile?: { name: string; productionClass: boolean };
}

/** A request as the dialog shows it. */
export interface PendingConfirm extends ConfirmRequest {
  /** Set when the profile is production-class: the phrase to type before the button enables. */
  typedPhrase?: string;
  /** The profile's name, for the typed-confirmation prompt. */
  profileName: string;
  answer(confirmed: boolean): void;
}

/** The pending confirmation, if any. */
export const useGuardrailStore = defineStore('guardrail', () => {
  const pending = shallowRef<PendingConfirm | null>(null);

  /** Shows a confirmation and resolves with the answer; a newer request cancels an older one. */
  function ask(request: Omit<PendingConfirm, 'answer'>): Promise<boolean> {
    pending.value?.answer(false);
    return new Promise((resolve) => {
      const entry: PendingConfirm = {
        ...request,
        answer: (confirmed) => {
          if (pending.value === entry) pending.value = null;
          resolve(confirmed);
        },
      };
      pending.value = entry;
    });
  }

  return { pending, ask };
});
