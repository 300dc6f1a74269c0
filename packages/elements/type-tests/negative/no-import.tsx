// Without the types entry, React knows no connect-* tag: the control for ../react.tsx.
export const page = <connect-sign-in base-url="/" />;
