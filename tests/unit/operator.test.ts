// The operator's record and the actor it makes: what is stored, how an actor is composed
// and split, and who-did-what for reports, capped against a hostile custody log.
import { describe, expect, it } from 'vitest';
import { actsByOperator, checkOperator, composeActor, MAX_LISTED_OPERATORS, operatorsText, splitActor } from '../../src/shared/operator';

describe('the operator record', () => {
  it('is stored NFC and trimmed, empty members left out', () => {
    expect(checkOperator({ name: ' Айгерім\u0301 ', role: '', organisation: '  Бюро ', contact: null })).toEqual({ operator: { name: 'Айгерім\u0301'.normalize('NFC'), organisation: 'Бюро' } });
  });

  it('composes and splits an actor at the first separator; a tool alone has no operator', () => {
    const actor = composeActor({ name: 'Aigerim Sultanova', organisation: 'Bureau (Almaty), KZ' }, 'tamga-app 0.2.0');
    expect(actor).toBe('Aigerim Sultanova (Bureau (Almaty), KZ) · tamga-app 0.2.0');
    expect(splitActor(actor)).toEqual({ operator: 'Aigerim Sultanova (Bureau (Almaty), KZ)', tool: 'tamga-app 0.2.0' });
    expect(composeActor({ name: 'A', role: 'observer', contact: '+7' }, 't 1')).toBe('A (observer) · t 1');
    expect(splitActor('tamga-cli 0.1.0')).toEqual({ operator: null, tool: 'tamga-cli 0.1.0' });
  });

  it('groups acts by operator in the order first seen, and caps what a hostile log can list', () => {
    const events = [
      { type: 'acquired', actor: 'A · t' },
      { type: 'tagged', actor: 'A · t' },
      { type: 'tagged', actor: 'tamga-cli 0.1.0' },
      { type: 'tagged', actor: 'A · t' },
    ];
    const { groups, omitted } = actsByOperator(events);
    expect(operatorsText(groups, omitted)).toBe('A — acquired, tagged ×2; no operator stated — tagged');
    const hostile = Array.from({ length: 1000 }, (_, i) => ({ type: `t${i % 50}`, actor: `${i}${'x'.repeat(5000)} · t` }));
    const capped = actsByOperator(hostile);
    expect(capped.groups).toHaveLength(MAX_LISTED_OPERATORS);
    expect(capped.omitted).toBe(1000 - MAX_LISTED_OPERATORS);
    expect([...(capped.groups[0]?.operator ?? '')].length).toBe(621);
  });
});
