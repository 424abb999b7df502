/**
 * The production guardrail, one part for every destructive or bulk action: whether the active
 * profile is read-only (main refuses every change then; the UI disables the actions and says why),
 * and `confirm(request)`, which shows the consequence and the change preview and, on a
 * production-class profile, asks for the target's identifier (or the count) to be typed.
 */
import { computed } from 'vue';
import { useGuardrailStore, type ConfirmRequest } from '../stores/guardrail';
import { useProfilesStore } from '../stores/profiles';

/** The guardrail of the active profile. */
export function useGuardrail() {
  const profiles = useProfilesStore();
  const store = useGuardrailStore();
  const productionClass = computed(() => profiles.active?.productionClass ?? false);
  // TODO(issue 9, guardrails helper): from ProfileView.readOnly once main has the switch.
  const readOnly = computed(() => false);
  const readOnlyReason = computed(() => (readOnly.value ? `${profiles.active?.name ?? 'This profile'} is read-only: turn that off in Profiles to make changes.` : null));

  /** Asks for a confirmation; resolves true when the administrator confirmed. */
  function confirm(request: ConfirmRequest): Promise<boolean> {
    return store.ask({ ...request, profileName: profiles.active?.name ?? '', typedPhrase: productionClass.value ? request.confirmPhrase : undefined });
  }

  return { productionClass, readOnly, readOnlyReason, confirm };
}
