/**
 * The production guardrail, one part for every destructive or bulk action: whether the active
 * profile is read-only (main refuses every change then; the UI disables the actions and says why),
 * and `confirm(request)`, which shows the consequence and the change preview and, on a
 * production-class profile, asks for the target's identifier (or the count) to be typed.
 */
import { computed } from 'vue';
import { useGuardrailStore, type ConfirmRequest } from '../stores/guardrail';
import { useProfilesStore } from '../stores/profiles';

/** Why nothing can be changed through a read-only profile, and how to change that. */
export function readOnlyReasonFor(profileName: string | undefined): string {
  return `${profileName ? `“${profileName}”` : 'This profile'} is read-only: turn off Read-only in Profiles to make changes.`;
}

/**
 * The guardrail of the active profile: `readOnly` and `readOnlyReason` (disable every action button
 * with the reason as its tooltip), `productionClass`, and `confirm(request)`.
 */
export function useGuardrail() {
  const profiles = useProfilesStore();
  const store = useGuardrailStore();
  const productionClass = computed(() => profiles.active?.productionClass ?? false);
  // Main refuses the changes of a read-only profile whatever the UI does; this only says so first.
  const readOnly = computed(() => profiles.active?.readOnly ?? false);
  const readOnlyReason = computed(() => (readOnly.value ? readOnlyReasonFor(profiles.active?.name) : null));

  /**
   * Asks for a confirmation; resolves true when the administrator confirmed, false when they
   * cancelled (or a newer confirmation replaced this one). On a production-class profile the
   * confirm button stays disabled until `confirmPhrase` is typed.
   */
  function confirm(request: ConfirmRequest): Promise<boolean> {
    const profile = request.profile ?? { name: profiles.active?.name ?? '', productionClass: productionClass.value };
    return store.ask({ ...request, profileName: profile.name, typedPhrase: profile.productionClass && request.typed !== false ? request.confirmPhrase : undefined });
  }

  return { productionClass, readOnly, readOnlyReason, confirm };
}
