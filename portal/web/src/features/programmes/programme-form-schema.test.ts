import { describe, expect, it } from 'vitest';
import { toBody, toFormData, type Programme } from './programme-form-schema.js';

const listed: Programme = {
  code: 'KFW_439',
  name: 'Zuschuss Ladestationen – Kommunen',
  kfwProgrammnummer: '439',
  empfaengertypen: ['KOMMUNE'],
  foerderquoteProzent: null,
  pauschaleProLadepunkt: '900.00',
  maxZuschussProLadepunkt: null,
  maxZuschussProStandort: '45000.00',
  maxKwProLadepunkt: null,
  zugang: 'OEFFENTLICH',
  privaterStellplatz: false,
  oekostromPflicht: true,
  roamingPflicht: true,
  adHocLadenPflicht: true,
  zweckbindungJahre: 6,
  berichtsrhythmus: 'JAEHRLICH',
  aktiv: true,
};

describe('the programme form data', () => {
  it('shows amounts as numbers and leaves out empty fields and the fixed code', () => {
    const data = toFormData(listed);
    expect(data.pauschaleProLadepunkt).toBe(900);
    expect(data.maxZuschussProStandort).toBe(45000);
    expect(data).not.toHaveProperty('foerderquoteProzent');
    expect(data).not.toHaveProperty('code');
    expect(data.empfaengertypen).toEqual(['KOMMUNE']);
  });

  it('sends optional fields a person emptied as null, so a change can clear them', () => {
    const body = toBody({ ...toFormData(listed), zugang: '', kfwProgrammnummer: undefined });
    expect(body.zugang).toBeNull();
    expect(body.kfwProgrammnummer).toBeNull();
    expect(body.foerderquoteProzent).toBeNull();
    expect(body.pauschaleProLadepunkt).toBe(900);
  });
});
