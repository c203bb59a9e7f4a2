// A hostile replica storage, on S3 (the real server of tests/helpers/s3-global-setup.ts):
// the same cases as on a folder (tests/helpers/replica-hostile-cases.ts), the damage done
// with the SDK's own PutObject, DeleteObject and CopyObject, never through Tamga.
import { onS3Bucket } from '../helpers/replica-cases-on-s3';
import { defineHostileStorageCases } from '../helpers/replica-hostile-cases';

onS3Bucket('hostile', defineHostileStorageCases);
