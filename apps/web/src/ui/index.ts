/** Design-system primitives: presentational only, no data fetching. */
export { Alert, FormError, type AlertTone } from './Alert';
export { Button, ButtonLink, type ButtonProps, type ButtonVariant } from './Button';
export { ConfirmDialog } from './ConfirmDialog';
export { CopyField } from './CopyField';
export { Email } from './Email';
export { cx } from './cx';
export { Dialog } from './Dialog';
export { SelectField, TextAreaField, TextField, type SelectOption } from './Field';
export { Badge, PageHeader, Section } from './Layout';
export { EmptyState, ErrorState, LoadingState } from './States';
export { ToastProvider, useToast } from './Toast';
export { Popover } from './Popover';
export { Tabs, type TabItem } from './Tabs';
