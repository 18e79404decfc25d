/**
 * The Coding matrix view (issue 13): a toolbar button named "Coding matrix"
 * that opens a side sheet, a region of the same name, over the report up to
 * the Annotations panel, so a click on a cell can be seen filtering the panel.
 */
import { SideSheet } from '../sheet/SideSheet';
import { MatrixBody } from './MatrixBody';
import './matrix.css';

export function CodingMatrixView() {
  return (
    <SideSheet name="Coding matrix" closeLabel="Close coding matrix" width="wide">
      <MatrixBody />
    </SideSheet>
  );
}
