import 'i18next';
import type zhCN from './strings/zh-CN.json';

// Every key is checked against the Chinese strings (the source locale); a misspelled key fails `astro check`.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    keySeparator: false;
    nsSeparator: false;
    resources: { translation: typeof zhCN };
  }
}
