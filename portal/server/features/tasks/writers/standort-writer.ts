/**
 * `standort` (Standort & Ladeinfrastruktur): the case's location with its groups of charging
 * columns and the charging points whose EVSE-IDs the form names. The form describes the case's
 * main location: the first one it holds (KfW's Investitionsort or an earlier submission) is
 * updated, otherwise one is created; its groups are matched by position and its points by
 * EVSE-ID. A retried or repeated submission therefore leaves exactly the submitted state, never a
 * second location or a duplicate point.
 */
import type { FormWriter } from './form-writer.js';
import { decimalOrNull, given, list, obj } from './form-writer.js';

/** The location writer. */
export const standortWriter: FormWriter = {
  async write({ db, data, transaction, caseId, previous }) {
    if (!caseId) return { tables: [] };
    const m = db.models;
    const a = obj(data.anschrift);
    const position = obj(data.position);
    const fields = {
      ...given({
        bezeichnung: data.bezeichnung,
        strasse: a.strasse,
        hausnummer: a.hausnummer,
        plz: a.plz,
        ort: a.ort,
        bundesland: a.bundesland,
        zugang: data.zugang,
        standortTyp: data.standortTyp,
        lastmanagement: data.lastmanagement,
        pvAnlage: data.pvAnlage,
        speicher: data.speicher,
        stromherkunft: data.stromherkunft,
      }),
      breitengrad: decimalOrNull(position.breitengrad),
      laengengrad: decimalOrNull(position.laengengrad),
      netzanschlussKw: decimalOrNull(data.netzanschlussKw),
      pvLeistungKwp: decimalOrNull(data.pvLeistungKwp),
      speicherKwh: decimalOrNull(data.speicherKwh),
      privaterWohnsitz: data.standortTyp === 'EIGENHEIM',
    };
    const previousId = typeof previous?.standortId === 'string' ? previous.standortId : undefined;
    const existing =
      (previousId
        ? await m.Standort.findOne({
            where: { id: previousId, foerderfallId: caseId },
            transaction,
          })
        : null) ??
      (await m.Standort.findOne({
        where: { foerderfallId: caseId },
        order: [
          ['createdAt', 'ASC'],
          ['id', 'ASC'],
        ],
        transaction,
      }));
    const standort = existing
      ? await existing.update(fields as never, { transaction })
      : await m.Standort.create({ foerderfallId: caseId, ...fields } as never, { transaction });

    // Groups are matched by position and updated in place, points by EVSE-ID, so the uploaded
    // sessions of a point survive a resubmission; groups the form no longer lists are removed.
    const oldGroups = await m.Ladesaeulengruppe.findAll({
      where: { standortId: standort.id },
      order: [
        ['createdAt', 'ASC'],
        ['id', 'ASC'],
      ],
      transaction,
    });
    const oldPoints = oldGroups.length
      ? await m.Ladepunkt.findAll({
          where: { ladesaeulengruppeId: oldGroups.map((g) => g.id) },
          transaction,
        })
      : [];
    const groupIds: string[] = [];
    let points = 0;
    const submitted = list(data.ladesaeulengruppen);
    for (const [index, g] of submitted.entries()) {
      const values = {
        standortId: standort.id,
        hersteller: String(g.hersteller),
        modell: String(g.modell),
        anzahlLadesaeulen: Number(g.anzahlLadesaeulen),
        ladepunkteProSaeule: Number(g.ladepunkteProSaeule),
        kwProLadepunkt: String(g.kwProLadepunkt),
        stromart: g.stromart as never,
        steckertypen: (g.steckertypen ?? []) as never,
        inbetriebnahme: (g.inbetriebnahme as string | undefined) ?? null,
        eichrechtskonform: (g.eichrechtskonform as boolean | undefined) ?? null,
        backend: (g.backend as string | undefined) ?? null,
        ocppVersion: (g.ocppVersion as never) ?? null,
      };
      const group = oldGroups[index]
        ? await oldGroups[index].update(values, { transaction })
        : await m.Ladesaeulengruppe.create(values, { transaction });
      groupIds.push(group.id);
      const evseIds = Array.isArray(g.evseIds) ? (g.evseIds as string[]) : [];
      for (const evseId of evseIds) {
        const point = {
          ladesaeulengruppeId: group.id,
          evseId,
          status: (g.inbetriebnahme ? 'IN_BETRIEB' : 'GEPLANT') as 'IN_BETRIEB' | 'GEPLANT',
          inbetriebnahme: (g.inbetriebnahme as string | undefined) ?? null,
        };
        const known = oldPoints.find((p) => p.evseId === evseId);
        if (known) await known.update(point, { transaction });
        else await m.Ladepunkt.create(point, { transaction });
        points += 1;
      }
    }
    // Points the form no longer names go, unless sessions were uploaded for them (those stay
    // with their group, so no reported session is lost by correcting a typed EVSE-ID).
    const named = new Set(submitted.flatMap((g) => (Array.isArray(g.evseIds) ? g.evseIds : [])));
    for (const old of oldPoints.filter((pt) => !named.has(pt.evseId))) {
      if ((await m.Ladevorgang.count({ where: { ladepunktId: old.id }, transaction })) === 0)
        await old.destroy({ transaction });
    }
    const surplus = oldGroups.slice(submitted.length).map((g) => g.id);
    if (surplus.length > 0)
      await m.Ladesaeulengruppe.destroy({ where: { id: surplus }, transaction });
    const tables = ['standort', 'ladesaeulengruppe', ...(points > 0 ? ['ladepunkt'] : [])];
    return { tables, ids: { standortId: standort.id, ladesaeulengruppeIds: groupIds } };
  },
};
