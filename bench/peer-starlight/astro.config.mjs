// @ts-check
// The benchmark's peer: a plain Starlight 0.42 site (default sidebar, built-in Pagefind search)
// with Chinese at the root locale and English as a second locale, as the digest is.
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
  site: 'https://peer.example.org',
  integrations: [
    starlight({
      title: 'OpenStack社区动态',
      defaultLocale: 'root',
      locales: {
        root: { label: '简体中文', lang: 'zh-CN' },
        en: { label: 'English', lang: 'en' },
      },
    }),
  ],
});
