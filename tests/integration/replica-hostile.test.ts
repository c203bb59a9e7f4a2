// A hostile replica storage, on a folder: the cases are tests/helpers/replica-hostile-cases.ts,
// shared with replica-hostile-s3.test.ts so that a folder and S3 are held to the same answers.
import { afterAll } from 'vitest';
import { defineHostileStorageCases } from '../helpers/replica-hostile-cases';
import { folderPlace } from '../helpers/replica-place';
import { removeTempDirs } from '../helpers/temp-vault';

afterAll(removeTempDirs);

defineHostileStorageCases('folder', folderPlace);
