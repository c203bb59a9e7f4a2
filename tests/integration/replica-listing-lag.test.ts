// A folder replica whose listing lags behind its files (the cases are tests/helpers/replica-lag-cases.ts,
// shared with replica-listing-lag-s3.test.ts so that a folder and S3 are held to the same answers).
import { afterAll } from 'vitest';
import { defineListingLagCases } from '../helpers/replica-lag-cases';
import { folderPlace } from '../helpers/replica-place';
import { removeTempDirs } from '../helpers/temp-vault';

afterAll(removeTempDirs);

defineListingLagCases('folder', folderPlace);
