import type { Messages } from './ja';

/** English UI strings; the type makes a missing key a compile error. */
export const en: Messages = {
  app: { name: 'iotcheck', tagline: 'Introduce IoT safely', skipToContent: 'Skip to content' },
  nav: {
    label: 'Main navigation',
    home: 'Home',
    checksheet: 'Checksheet',
    assessments: 'Assessments',
    inventory: 'Inventory',
    guidelines: 'Guidelines',
    reports: 'Reports',
  },
  language: { label: 'Language', ja: '日本語', en: 'English' },
  home: {
    title: 'iotcheck',
    lead: 'Assess IoT systems against the JSSEC IoT Security Checksheet (2nd ed.) and NIST CSF, together with IT, OT, vendors and management.',
  },
  placeholder: { comingSoon: 'This page is not built yet.' },
  notFound: { title: 'Page not found', back: 'Back to home' },
  common: { loading: 'Loading…', error: 'Something went wrong: {{message}}', retry: 'Retry' },
};
