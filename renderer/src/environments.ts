/** How each instance environment looks: its label and colour (development teal, staging amber, production red). */
import type { Environment, ProfileView } from '@shared/ipc/types';

/** One environment's presentation. */
export interface EnvironmentStyle {
  label: string;
  /** The solid colour (dots, banner, tag border, frames): never used for text. */
  color: string;
  /** A faint fill for tags on either theme. */
  fill: string;
  /** Text in the environment's colour, at least 4.5:1 (WCAG AA) on the theme's background and on `fill`. */
  text: { light: string; dark: string };
}

const STYLES: Record<Environment, EnvironmentStyle> = {
  development: { label: 'Development', color: '#0d9488', fill: 'rgba(13, 148, 136, 0.14)', text: { light: '#0f766e', dark: '#5eead4' } },
  staging: { label: 'Staging', color: '#d97706', fill: 'rgba(217, 119, 6, 0.16)', text: { light: '#92400e', dark: '#fbbf24' } },
  production: { label: 'Production', color: '#dc2626', fill: 'rgba(220, 38, 38, 0.16)', text: { light: '#b91c1c', dark: '#fca5a5' } },
};

/** The presentation of an environment. */
export function environmentStyle(environment: Environment): EnvironmentStyle {
  return STYLES[environment];
}

/** The environment's text colour for the theme in use. */
export function environmentTextColor(environment: Environment, theme: 'light' | 'dark'): string {
  return STYLES[environment].text[theme];
}

/** Options for an environment select, in display order. */
export const ENVIRONMENT_OPTIONS = (['development', 'staging', 'production'] as const).map((value) => ({
  value,
  label: STYLES[value].label,
}));

/**
 * The colour that frames a profile: its environment's, except that every production-class profile
 * (one holding a live key, whatever it is labelled) is framed in production red.
 */
export function profileAccent(profile: Pick<ProfileView, 'environment' | 'productionClass'>): string {
  return environmentStyle(profile.productionClass ? 'production' : profile.environment).color;
}

/** What the "live key" mark says on hover. */
export const LIVE_KEY_EXPLANATION =
  'This profile holds a live (sk_live_) key, which always belongs to a production instance in Clerk: production guardrails and rate limits apply.';
