/** Vitest setup file: every test file's scratch folders go when its tests are done. */
import { afterAll } from 'vitest';
import { removeTempDirs } from './temp-dir.ts';

afterAll(removeTempDirs);
