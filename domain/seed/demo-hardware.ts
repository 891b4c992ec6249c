/** Charging hardware that the demo data picks from (manufacturer, model, power, current). */
export interface DemoHardware {
  hersteller: string;
  modell: string;
  kw: number;
  stromart: 'AC' | 'DC';
  steckertypen: ('TYP2' | 'CCS' | 'CHADEMO' | 'SCHUKO')[];
}

/** Wallboxes for private homes (11 kW, KfW 440). */
export const wallboxes: readonly DemoHardware[] = [
  { hersteller: 'ABL', modell: 'eMH1', kw: 11, stromart: 'AC', steckertypen: ['TYP2'] },
  {
    hersteller: 'Heidelberg',
    modell: 'Energy Control',
    kw: 11,
    stromart: 'AC',
    steckertypen: ['TYP2'],
  },
  {
    hersteller: 'KEBA',
    modell: 'KeContact P30 c-series',
    kw: 11,
    stromart: 'AC',
    steckertypen: ['TYP2'],
  },
  {
    hersteller: 'Mennekes',
    modell: 'AMTRON Compact 2.0s',
    kw: 11,
    stromart: 'AC',
    steckertypen: ['TYP2'],
  },
  { hersteller: 'go-e', modell: 'Charger Gemini', kw: 11, stromart: 'AC', steckertypen: ['TYP2'] },
  { hersteller: 'Webasto', modell: 'Unite', kw: 11, stromart: 'AC', steckertypen: ['TYP2'] },
];

/** Non-public AC columns for companies and municipalities (KfW 441/439, at most 22 kW). */
export const businessColumns: readonly DemoHardware[] = [
  {
    hersteller: 'Mennekes',
    modell: 'AMTRON Professional+',
    kw: 22,
    stromart: 'AC',
    steckertypen: ['TYP2'],
  },
  {
    hersteller: 'Alfen',
    modell: 'Eve Double Pro-line',
    kw: 22,
    stromart: 'AC',
    steckertypen: ['TYP2'],
  },
  {
    hersteller: 'Compleo',
    modell: 'eBox professional',
    kw: 11,
    stromart: 'AC',
    steckertypen: ['TYP2'],
  },
  {
    hersteller: 'KEBA',
    modell: 'KeContact P30 x-series',
    kw: 22,
    stromart: 'AC',
    steckertypen: ['TYP2'],
  },
  { hersteller: 'ABL', modell: 'eMC3 Twin', kw: 22, stromart: 'AC', steckertypen: ['TYP2'] },
  { hersteller: 'Wallbox', modell: 'Commander 2', kw: 11, stromart: 'AC', steckertypen: ['TYP2'] },
];

/** Public hardware (LIS vor Ort): AC columns and DC fast chargers. */
export const publicColumns: readonly DemoHardware[] = [
  { hersteller: 'Compleo', modell: 'Duo', kw: 22, stromart: 'AC', steckertypen: ['TYP2'] },
  {
    hersteller: 'Ebee',
    modell: 'Bender Ladesäule',
    kw: 22,
    stromart: 'AC',
    steckertypen: ['TYP2'],
  },
  {
    hersteller: 'ABB',
    modell: 'Terra 54',
    kw: 50,
    stromart: 'DC',
    steckertypen: ['CCS', 'CHADEMO'],
  },
  {
    hersteller: 'Alpitronic',
    modell: 'hypercharger HYC150',
    kw: 150,
    stromart: 'DC',
    steckertypen: ['CCS'],
  },
  { hersteller: 'Kempower', modell: 'Satellite', kw: 75, stromart: 'DC', steckertypen: ['CCS'] },
];

/** Charging backends (CPMS) operators use. */
export const backends: readonly string[] = [
  'has·to·be',
  'Virta',
  'reev',
  'ChargePoint',
  'eCharge',
  'ubitricity',
];
