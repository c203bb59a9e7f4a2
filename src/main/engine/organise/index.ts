/** Organising's public face for the engine facade: item texts, tags, cases and their members. */
export { addToCase, removeFromCase } from './case-members';
export { createCase, listCases, updateCase } from './cases';
export { describeItems, itemDescription } from './describe';
export { revealPrivateField } from './reveal';
export { countSelection } from './query-selection';
export { listTags, tagItems, tagSelection, untagItems, untagSelection } from './tags';
