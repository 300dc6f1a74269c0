/** The parts of the Custom Elements Manifest schema (1.0) that our build scripts read and write. */

export interface Reference {
  name: string;
  module?: string;
  package?: string;
}

export interface TypeText {
  text: string;
}

export interface Member {
  kind: 'field' | 'method';
  name: string;
  privacy?: 'public' | 'private' | 'protected';
  static?: boolean;
  readonly?: boolean;
  type?: TypeText;
  default?: string;
  description?: string;
  attribute?: string;
  inheritedFrom?: Reference;
  parameters?: { name: string; optional?: boolean; type?: TypeText }[];
  return?: { type?: TypeText };
}

export interface Attribute {
  name: string;
  type?: TypeText;
  default?: string;
  description?: string;
  fieldName?: string;
  inheritedFrom?: Reference;
}

export interface EventDoc {
  name: string;
  type?: TypeText;
  description?: string;
}

export interface CssProperty {
  name: string;
  default?: string;
  description?: string;
}

export interface Declaration {
  kind: 'class' | 'variable' | 'function';
  name: string;
  summary?: string;
  description?: string;
  customElement?: boolean;
  tagName?: string;
  superclass?: Reference;
  members?: Member[];
  attributes?: Attribute[];
  events?: EventDoc[];
  slots?: { name: string; description?: string }[];
  cssProperties?: CssProperty[];
  cssParts?: { name: string; description?: string }[];
  type?: TypeText;
  default?: string;
}

export interface Export {
  kind: 'js' | 'custom-element-definition';
  name: string;
  declaration: Reference;
}

export interface Module {
  kind: 'javascript-module';
  path: string;
  description?: string;
  declarations: Declaration[];
  exports: Export[];
}

export interface Manifest {
  schemaVersion: string;
  readme?: string;
  modules: Module[];
}

/** Every custom element declaration of a manifest, with the module that declares it. */
export function elementsOf(manifest: Manifest): { module: Module; element: Declaration }[] {
  return manifest.modules.flatMap((module) =>
    module.declarations
      .filter((d) => d.customElement && d.tagName)
      .map((element) => ({ module, element })),
  );
}
