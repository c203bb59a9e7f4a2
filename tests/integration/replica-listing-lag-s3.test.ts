// An S3 replica whose listing lags behind its objects, as real Swift, Ceph and B2 listings do
// (the cases are tests/helpers/replica-lag-cases.ts, shared with the folder), on the real
// server of tests/helpers/s3-global-setup.ts.
import { onS3Bucket } from '../helpers/replica-cases-on-s3';
import { defineListingLagCases } from '../helpers/replica-lag-cases';

onS3Bucket('lag', defineListingLagCases);
