import type { UnitDetail } from '../org.types.ts';

/** What a finished form asks the page to do: say what happened, then show the resulting unit. */
export type FormResult = {
  message: string;
  /** The unit to open next (null: the tree) and the date to view it on. */
  unitId: string | null;
  date: string;
};

export type UnitFormProps = {
  unit: UnitDetail;
  asOf: string;
  onDone: (result: FormResult) => void;
  onCancel: () => void;
};
