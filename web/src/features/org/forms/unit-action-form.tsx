import type { UnitAction } from '../unit-actions.tsx';
import { CloseForm } from './close-form.tsx';
import { CreateUnitForm } from './create-unit-form.tsx';
import { EditUnitForm } from './edit-unit-form.tsx';
import type { UnitFormProps } from './form-types.ts';
import { MergeForm } from './merge-form.tsx';
import { MoveForm } from './move-form.tsx';
import { RenameForm } from './rename-form.tsx';
import { SplitForm } from './split-form.tsx';

/** The form of one action; loaded only when the user opens one (its own chunk). */
export default function UnitActionForm({
  action,
  ...props
}: UnitFormProps & { action: UnitAction }) {
  switch (action) {
    case 'edit':
      return <EditUnitForm {...props} />;
    case 'create':
      return <CreateUnitForm {...props} />;
    case 'merge':
      return <MergeForm {...props} />;
    case 'split':
      return <SplitForm {...props} />;
    case 'move':
      return <MoveForm {...props} />;
    case 'rename':
      return <RenameForm {...props} />;
    case 'close':
      return <CloseForm {...props} />;
  }
}
