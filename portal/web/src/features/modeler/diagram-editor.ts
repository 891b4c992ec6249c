/** Camunda's modeler for Zeebe (bpmn-js with the Zeebe properties panel); its own chunk. */
import 'camunda-bpmn-js/dist/assets/camunda-cloud-modeler.css';
import BpmnModeler from 'camunda-bpmn-js/lib/camunda-cloud/Modeler';

/** What the page needs of the modeler. */
export interface DiagramEditor {
  open(xml: string): Promise<void>;
  /** A new, empty process (a start event). */
  create(): Promise<void>;
  xml(): Promise<string>;
  destroy(): void;
}

/** Creates the modeler in `canvas` with its properties panel in `panel`. */
export function createDiagramEditor(canvas: HTMLElement, panel: HTMLElement): DiagramEditor {
  const modeler = new BpmnModeler({ container: canvas, propertiesPanel: { parent: panel } });
  return {
    async open(xml) {
      await modeler.importXML(xml);
      (modeler.get('canvas') as { zoom(level: string): void }).zoom('fit-viewport');
    },
    async create() {
      await modeler.createDiagram();
    },
    async xml() {
      const { xml } = await modeler.saveXML({ format: true });
      return xml ?? '';
    },
    destroy: () => modeler.destroy(),
  };
}
